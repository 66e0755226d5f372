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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's account: a demand deposit account (活期账户), or a time or notice deposit whose
 * balance is its principal and whose terms are kept by the deposit module. Invariants: the number carries a valid check digit; the
 * balance is in the account's currency at two decimals and changes only through {@link #credit}
 * and {@link #debit} in the same transaction as the journal entry that explains it; only an
 * ACTIVE account takes postings; a temporary account has an expiry at most two years after
 * opening and takes no postings after it. What its {@link AccountType} allows is checked by the
 * {@code require...Allowed} methods before the balance changes. The balance is guarded by a row
 * lock taken by the repository and by the version column.
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

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, length = 20)
    private AccountType type;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    /** For class II/III: the holder's class-I account transfers with which are not limited. */
    @Column(name = "bound_account", length = 16)
    private String boundAccount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "balance", nullable = false, precision = 19, scale = 2)
    private BigDecimal balance;

    /**
     * A hot account (热点账户): its credits are pending credits ({@link PendingCredit}), taken without
     * a lock on this row and folded into the balance later; its balance is the row plus those.
     */
    @Column(name = "hot", nullable = false)
    private boolean hot;

    /** The whole balance, row and pending credits, as a reader read them in one statement; null in a posting. */
    @Transient
    private BigDecimal balanceRead;

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

    public static final int MAX_TEMPORARY_YEARS = 2;

    /** An account's row as stored, for a repository that reads it without JPA. */
    public record Stored(String number, long customerId, String branchCode, String glCode, String product,
                         AccountType type, LocalDate expiresOn, String boundAccount, String currency, BigDecimal balance,
                         boolean hot, AccountStatus status, LocalDate openedOn, long version) {
    }

    /** The account {@code row} stores (not managed by JPA: its repository writes what changes). */
    public static Account restored(Stored row) {
        Account account = new Account();
        account.number = row.number();
        account.customerId = row.customerId();
        account.branchCode = row.branchCode();
        account.glCode = row.glCode();
        account.product = row.product();
        account.type = row.type();
        account.expiresOn = row.expiresOn();
        account.boundAccount = row.boundAccount();
        account.currency = row.currency();
        account.balance = row.balance();
        account.hot = row.hot();
        account.status = row.status();
        account.openedOn = row.openedOn();
        account.version = row.version();
        return account;
    }

    public Account(AccountNumber number, Long customerId, String branchCode, AccountType type, LocalDate expiresOn,
                   AccountNumber boundAccount, String currency, LocalDate openedOn) {
        if (type.hasExpiry() ? expiresOn == null || !expiresOn.isAfter(openedOn)
                || expiresOn.isAfter(openedOn.plusYears(MAX_TEMPORARY_YEARS)) : expiresOn != null) {
            throw new TellerException(ErrorCode.ACCOUNT_EXPIRY_INVALID, type, expiresOn, MAX_TEMPORARY_YEARS);
        }
        this.number = number.value();
        this.customerId = customerId;
        this.branchCode = branchCode;
        this.type = type;
        this.product = type.product();
        this.glCode = type.glCode();
        this.expiresOn = expiresOn;
        this.boundAccount = boundAccount == null ? null : boundAccount.value();
        this.currency = currency;
        this.balance = Money.zero(currency).amount();
        this.status = AccountStatus.ACTIVE;
        this.openedOn = openedOn;
    }

    /**
     * Marks the account hot, or no longer hot. Only an account whose credits count toward no limit
     * may be hot (not class II or III: their limits are checked against the balance row under its lock).
     */
    public void markHot(boolean hot) {
        if (hot && (type == AccountType.INDIVIDUAL_II || type == AccountType.INDIVIDUAL_III || type.isTerm())) {
            throw new TellerException(ErrorCode.HOT_ACCOUNT_NOT_ALLOWED, number, type.name());
        }
        if (hot) {
            requireActive();
        }
        this.hot = hot;
    }

    public boolean hot() {
        return hot;
    }

    /**
     * Checks a credit to this hot account as {@link #credit} would, leaving the balance row alone: the
     * credit is pending until folded ({@link #fold}).
     */
    public void requirePendingCreditAllowed(Money amount) {
        requireActive();
        amount.requirePositive();
        row().plus(amount); // refused in another currency
    }

    /** Adds the account's pending credits, as the row is locked, to its balance; returns the balance after. */
    public Money fold(Money pending) {
        Money after = row().plus(pending);
        this.balance = after.amount();
        return after;
    }

    /** Adds {@code amount} to the balance of this demand account and returns the balance after. */
    public Money credit(Money amount) {
        requireDemand();
        return add(amount);
    }

    /** Pays {@code amount} into this time or notice deposit (its opening) and returns the balance after. */
    public Money creditDeposit(Money amount) {
        requireTerm();
        return add(amount);
    }

    private Money add(Money amount) {
        requireActive();
        amount.requirePositive();
        Money after = row().plus(amount);
        this.balance = after.amount();
        return after;
    }

    /**
     * Refused for a time or notice deposit: money moves in and out of one only by its deposit
     * transactions (opening, withdrawal, renewal), which keep its terms with its balance.
     */
    public void requireDemand() {
        if (type.isTerm()) {
            throw new TellerException(ErrorCode.ACCOUNT_IS_TERM_DEPOSIT, number, type);
        }
    }

    private void requireTerm() {
        if (!type.isTerm()) {
            throw new IllegalStateException(number + " is not a time or notice deposit");
        }
    }

    /**
     * Credits the interest the account earned; returns the balance after. Interest belongs to the
     * account whatever became of it since (dormant, frozen: a freeze holds what the account has,
     * interest included), so only a closed account refuses it (closing settles its interest first).
     */
    public Money creditInterest(Money amount) {
        return creditOwn(amount);
    }

    /**
     * Credits the account's own money coming back (a wire rejected or returned by the other bank);
     * returns the balance after. Like interest, only a closed account refuses it.
     */
    public Money creditReturned(Money amount) {
        return creditOwn(amount);
    }

    private Money creditOwn(Money amount) {
        if (status == AccountStatus.CLOSED) {
            throw new TellerException(ErrorCode.ACCOUNT_NOT_ACTIVE, number, status);
        }
        amount.requirePositive();
        Money after = row().plus(amount);
        this.balance = after.amount();
        return after;
    }

    /**
     * Takes {@code amount} off the balance and returns the balance after; refused with the
     * available balance in the message when it is not covered, given the account's restrictions
     * (all of them: those no longer active on {@code businessDate} are skipped here).
     */
    public Money debit(Money amount, List<Restriction> restrictions, LocalDate businessDate) {
        requireDemand();
        return take(amount, restrictions, businessDate);
    }

    /** Pays {@code amount} out of this time or notice deposit, as {@link #debit} would a demand account's. */
    public Money debitDeposit(Money amount, List<Restriction> restrictions, LocalDate businessDate) {
        requireTerm();
        return take(amount, restrictions, businessDate);
    }

    private Money take(Money amount, List<Restriction> restrictions, LocalDate businessDate) {
        requireActive();
        amount.requirePositive();
        requireAvailable(amount, restrictions, businessDate);
        Money after = row().minus(amount);
        this.balance = after.amount();
        return after;
    }

    /**
     * Refused when the account's type forbids taking in {@code amount} this way today: a temporary
     * account past its expiry; a class-III account whose balance would pass its cap. (Class-II
     * limits need the usage so far: {@link #requireWithinClassLimits}.)
     */
    public void requireCreditAllowed(Money amount, ClassLimits limits, LocalDate businessDate) {
        requireNotExpired(businessDate);
        if (type == AccountType.INDIVIDUAL_III && balance().plus(amount).compareTo(limits.class3BalanceCap()) > 0) {
            throw new TellerException(ErrorCode.CLASS_III_BALANCE_CAP, number, limits.class3BalanceCap().toPlainString(),
                    balance().toPlainString());
        }
    }

    /**
     * Refused when the account's type forbids paying out {@code movement} today: a temporary account
     * past its expiry; cash from a corporate account other than the basic one.
     */
    public void requireDebitAllowed(Movement movement, LocalDate businessDate) {
        requireNotExpired(businessDate);
        requirePayOut(movement);
    }

    /**
     * For paying out the balance at closing: cash only from a type that pays cash. (An expired
     * temporary account is still paid out and closed.)
     */
    public void requirePayOut(Movement movement) {
        if (movement == Movement.CASH && !type.paysCashOut()) {
            throw new TellerException(ErrorCode.CASH_NOT_ALLOWED, number, type);
        }
    }

    /**
     * For a class-II account: refused when {@code amount} on top of what already counted today and
     * this year (in the same direction) passes the daily or yearly limit.
     */
    public void requireWithinClassLimits(Money amount, Money usedToday, Money usedThisYear, ClassLimits limits) {
        if (type != AccountType.INDIVIDUAL_II) {
            return;
        }
        if (usedToday.plus(amount).compareTo(limits.class2Daily()) > 0) {
            throw new TellerException(ErrorCode.CLASS_II_DAILY_LIMIT, number, limits.class2Daily().toPlainString(),
                    usedToday.toPlainString(), amount.toPlainString());
        }
        if (usedThisYear.plus(amount).compareTo(limits.class2Yearly()) > 0) {
            throw new TellerException(ErrorCode.CLASS_II_YEARLY_LIMIT, number, limits.class2Yearly().toPlainString(),
                    usedThisYear.toPlainString(), amount.toPlainString());
        }
    }

    /** Refused with the available balance when it does not cover {@code amount} (an amount and its fee). */
    public void requireAvailable(Money amount, List<Restriction> restrictions, LocalDate businessDate) {
        if (restrictions.stream().anyMatch(r -> r.activeOn(businessDate) && r.kind() == RestrictionKind.FREEZE_ALL)) {
            throw new TellerException(ErrorCode.ACCOUNT_FROZEN, number);
        }
        Money available = availableBalance(restrictions, businessDate);
        if (amount.compareTo(available) > 0) {
            throw new TellerException(ErrorCode.INSUFFICIENT_FUNDS, number, available.toPlainString(),
                    amount.toPlainString());
        }
    }

    private void requireNotExpired(LocalDate businessDate) {
        if (expiresOn != null && businessDate.isAfter(expiresOn)) {
            throw new TellerException(ErrorCode.ACCOUNT_EXPIRED, number, expiresOn);
        }
    }

    /** Whether transfers between this account and {@code other} are with its bound account (either way). */
    public boolean boundTo(Account other) {
        return other.number.equals(boundAccount) || number.equals(other.boundAccount);
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

    /**
     * 久悬: an active account nobody has used for long stops taking postings until the customer
     * comes to the counter to reactivate it.
     */
    public void markDormant() {
        requireActive();
        this.status = AccountStatus.DORMANT;
    }

    /** Back to ACTIVE; refused unless the account is DORMANT. */
    public void reactivate() {
        if (status != AccountStatus.DORMANT) {
            throw new TellerException(ErrorCode.ACCOUNT_NOT_DORMANT, number, status);
        }
        this.status = AccountStatus.ACTIVE;
    }

    /** Checks the account may be closed: active, and no hold or freeze in force. */
    public void requireClosable(List<Restriction> restrictions, LocalDate businessDate) {
        requireActive();
        long inForce = restrictions.stream().filter(r -> r.activeOn(businessDate)).count();
        if (inForce > 0) {
            throw new TellerException(ErrorCode.ACCOUNT_HAS_RESTRICTIONS, number, inForce);
        }
    }

    public void requireActive() {
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

    public AccountType type() {
        return type;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public AccountNumber boundAccount() {
        return boundAccount == null ? null : new AccountNumber(boundAccount);
    }

    public String currency() {
        return currency;
    }

    /**
     * The balance: the row, or for a reader what {@link #balanceRead} gave (the row with the pending
     * credits of a hot account). Under the row's lock the row is the whole balance: locking a hot
     * account folds its pending credits in.
     */
    public Money balance() {
        return balanceRead != null ? Money.of(balanceRead, currency) : row();
    }

    /** For a reader: the whole balance, read with the pending credits in one statement (Accounts.readBalances). */
    public void balanceRead(BigDecimal whole) {
        this.balanceRead = whole;
    }

    private Money row() {
        return Money.of(balance, currency);
    }

    public AccountStatus status() {
        return status;
    }

    public LocalDate openedOn() {
        return openedOn;
    }
}
