package bank.teller.payment.domain;

/**
 * Where a wire in stands: CREDITED to the account it names at once, or SUSPENDED (挂账) until a
 * supervisor APPLIES it to an account or RETURNS it to the remitting bank (退汇). Applied, returned
 * and credited are final.
 */
public enum IncomingWireStatus {
    CREDITED, SUSPENDED, APPLIED, RETURNED
}
