package bank.teller.account.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A demand deposit account (活期账户). Invariants: the number carries a valid check digit; the
 * balance is in the account's currency at two decimals and changes only through {@link #credit}
 * (and, later, debit) in the same transaction as the journal entry that explains it; only an
 * ACTIVE account takes postings. The balance is guarded by a row lock taken by the repository
 * and by the version column.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @Column(name = "account_number", length = 16)
    private String number;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    /** The GL control account (liability) this account is a subledger of. */
    @Column(name = "gl_code", nullable = false, length = 8)
    private String glCode;

    @Column(name = "product", nullable = false, length = 20)
    private String product;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "balance", nullable = false, precision = 19, scale = 2)
    private BigDecimal balance;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private AccountStatus status;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Account() {
    }

    public Account(AccountNumber number, Long customerId, String branchCode, String product,
                   String glCode, String currency, LocalDate openedOn) {
        this.number = number.value();
        this.customerId = customerId;
        this.branchCode = branchCode;
        this.product = product;
        this.glCode = glCode;
        this.currency = currency;
        this.balance = Money.zero(currency).amount();
        this.status = AccountStatus.ACTIVE;
        this.openedOn = openedOn;
    }

    /** Adds {@code amount} to the balance and returns the balance after. */
    public Money credit(Money amount) {
        requireActive();
        amount.requirePositive();
        Money after = balance().plus(amount);
        this.balance = after.amount();
        return after;
    }

    /**
     * Takes {@code amount} off the balance and returns the balance after; refused with the
     * available balance in the message when it is not covered, given the account's restrictions
     * (all of them: those no longer active on {@code businessDate} are skipped here).
     */
    public Money debit(Money amount, List<Restriction> restrictions, LocalDate businessDate) {
        requireActive();
        amount.requirePositive();
        if (restrictions.stream().anyMatch(r -> r.activeOn(businessDate) && r.kind() == RestrictionKind.FREEZE_ALL)) {
            throw new TellerException(ErrorCode.ACCOUNT_FROZEN, number);
        }
        Money available = availableBalance(restrictions, businessDate);
        if (amount.compareTo(available) > 0) {
            throw new TellerException(ErrorCode.INSUFFICIENT_FUNDS, number, available.toPlainString(),
                    amount.toPlainString());
        }
        Money after = balance().minus(amount);
        this.balance = after.amount();
        return after;
    }

    /**
     * What the customer may use: the ledger balance less this account's active holds and amount
     * freezes (never below zero), or nothing under a whole-account freeze.
     */
    public Money availableBalance(List<Restriction> restrictions, LocalDate businessDate) {
        Money available = balance();
        for (Restriction restriction : restrictions) {
            if (!restriction.activeOn(businessDate)) {
                continue;
            }
            if (restriction.kind() == RestrictionKind.FREEZE_ALL) {
                return Money.zero(currency);
            }
            available = available.minus(restriction.amount());
        }
        return available.amount().signum() < 0 ? Money.zero(currency) : available;
    }

    /**
     * Closes the account (销户). Refused while it is not active or a hold or freeze is in force;
     * the balance must have been paid out first.
     */
    public void close(List<Restriction> restrictions, LocalDate businessDate) {
        requireClosable(restrictions, businessDate);
        if (balance().amount().signum() != 0) {
            throw new TellerException(ErrorCode.ACCOUNT_BALANCE_NOT_ZERO, number, balance().toPlainString());
        }
        this.status = AccountStatus.CLOSED;
    }

    /** Checks the account may be closed: active, and no hold or freeze in force. */
    public void requireClosable(List<Restriction> restrictions, LocalDate businessDate) {
        requireActive();
        long inForce = restrictions.stream().filter(r -> r.activeOn(businessDate)).count();
        if (inForce > 0) {
            throw new TellerException(ErrorCode.ACCOUNT_HAS_RESTRICTIONS, number, inForce);
        }
    }

    private void requireActive() {
        if (status != AccountStatus.ACTIVE) {
            throw new TellerException(ErrorCode.ACCOUNT_NOT_ACTIVE, number, status);
        }
    }

    public AccountNumber number() {
        return new AccountNumber(number);
    }

    public Long customerId() {
        return customerId;
    }

    public String branchCode() {
        return branchCode;
    }

    public String glCode() {
        return glCode;
    }

    public String product() {
        return product;
    }

    public String currency() {
        return currency;
    }

    public Money balance() {
        return Money.of(balance, currency);
    }

    public AccountStatus status() {
        return status;
    }

    public LocalDate openedOn() {
        return openedOn;
    }
}
