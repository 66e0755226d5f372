package bank.teller.account.domain;

public enum AccountStatus {
    ACTIVE, DORMANT, FROZEN, CLOSED
}
