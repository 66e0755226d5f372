package bank.teller.account.domain;

/**
 * A card's life: ISSUED (handed over, no PIN yet) → ACTIVE (PIN set) → LOST (loss reported) →
 * BLOCKED (replaced by a new card), or CANCELLED. Only an ACTIVE card stands for its account.
 */
public enum CardStatus {
    ISSUED,
    ACTIVE,
    LOST,
    BLOCKED,
    CANCELLED
}
