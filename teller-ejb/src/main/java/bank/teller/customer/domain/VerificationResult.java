package bank.teller.customer.domain;

/** What the identity verification service (联网核查) answered. Only MATCH lets a customer be registered. */
public enum VerificationResult {
    MATCH,
    NAME_MISMATCH,
    NOT_FOUND
}
