package bank.teller.ledger.domain;

/** Debit (借) or credit (贷). */
public enum Side {
    DEBIT, CREDIT
}
