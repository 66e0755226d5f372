package bank.teller.till.domain;

/**
 * OPEN (takes cash postings) → CLOSED when the count agrees with the books, or → PENDING_VARIANCE
 * when it does not: a supervisor then books the shortage or overage (CLOSED) or sends it back for a
 * recount (OPEN).
 */
public enum TillStatus {
    OPEN,
    PENDING_VARIANCE,
    CLOSED
}
