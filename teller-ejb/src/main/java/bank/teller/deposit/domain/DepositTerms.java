package bank.teller.deposit.domain;

import bank.teller.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The stored terms of a time or notice deposit, beside its account (whose balance is the
 * principal): the rules are {@link TimeDeposit}'s and {@link NoticeDeposit}'s, which this row is
 * read into with the balance and written back from. Changed only under the account's row lock.
 */
@Entity
@Table(name = "term_deposit")
public class DepositTerms {

    @Id
    @Column(name = "account_number", length = 16)
    private String accountNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "product", nullable = false, length = 20)
    private DepositProduct product;

    @Column(name = "annual_rate", precision = 9, scale = 6)
    private BigDecimal annualRate;

    @Column(name = "term_start", nullable = false)
    private LocalDate termStart;

    @Column(name = "matures_on")
    private LocalDate maturesOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "renewal", nullable = false, length = 24)
    private Renewal renewal;

    @Column(name = "partly_withdrawn", nullable = false)
    private boolean partlyWithdrawn;

    @Column(name = "notice_date")
    private LocalDate noticeDate;

    @Column(name = "notice_amount", precision = 19, scale = 2)
    private BigDecimal noticeAmount;

    @Column(name = "notice_registered_on")
    private LocalDate noticeRegisteredOn;

    @Column(name = "settlement_account", length = 16)
    private String settlementAccount;

    @Column(name = "certificate_no", length = 12)
    private String certificateNo;

    /** The overdue interest accrued by end of day and not paid yet (in 应付利息), through {@link #overdueAccruedThrough}. */
    @Column(name = "overdue_accrued", nullable = false, precision = 19, scale = 2)
    private BigDecimal overdueAccrued = BigDecimal.ZERO.setScale(2);

    @Column(name = "overdue_accrued_through")
    private LocalDate overdueAccruedThrough;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DepositTerms() {
    }

    public DepositTerms(String accountNumber, TimeDeposit deposit, String settlementAccount, String certificateNo) {
        this.accountNumber = accountNumber;
        this.product = deposit.product();
        this.settlementAccount = settlementAccount;
        this.certificateNo = certificateNo;
        apply(deposit);
    }

    public DepositTerms(String accountNumber, NoticeDeposit deposit, String settlementAccount, String certificateNo) {
        this.accountNumber = accountNumber;
        this.product = deposit.product();
        this.renewal = Renewal.NONE;
        this.settlementAccount = settlementAccount;
        this.certificateNo = certificateNo;
        apply(deposit);
    }

    /** The time deposit these terms are, with {@code principal} (the account's balance). */
    public TimeDeposit time(Money principal) {
        return new TimeDeposit(product, principal, annualRate, termStart, maturesOn, renewal, partlyWithdrawn);
    }

    /** The notice deposit these terms are, with {@code principal} (the account's balance). */
    public NoticeDeposit notice(Money principal) {
        return new NoticeDeposit(product, principal, termStart, noticeDate == null ? null
                : new NoticeDeposit.Notice(noticeDate, Money.of(noticeAmount, principal.currency()), noticeRegisteredOn));
    }

    /** Keeps {@code deposit}'s terms, its product included (its principal is the account's balance, changed by the posting). */
    public void apply(TimeDeposit deposit) {
        this.product = deposit.product();
        this.annualRate = deposit.rate();
        this.termStart = deposit.termStart();
        this.maturesOn = deposit.maturesOn();
        this.renewal = deposit.renewal();
        this.partlyWithdrawn = deposit.partlyWithdrawn();
    }

    /** Keeps {@code deposit}'s terms (its principal is the account's balance, changed by the posting). */
    public void apply(NoticeDeposit deposit) {
        this.termStart = deposit.openedOn();
        NoticeDeposit.Notice notice = deposit.notice();
        this.noticeDate = notice == null ? null : notice.date();
        this.noticeAmount = notice == null ? null : notice.amount().amount();
        this.noticeRegisteredOn = notice == null ? null : notice.registeredOn();
    }

    /** The certificate (存单) now valid for the deposit: a new one replaces it at a partial withdrawal or a reissue. */
    public void certificate(String serialNo) {
        this.certificateNo = serialNo;
    }

    /** The overdue interest accrued so far (zero: none). */
    public Money overdueAccrued(String currency) {
        return Money.of(overdueAccrued, currency);
    }

    /** The last day whose overdue interest is accrued, or null. */
    public LocalDate overdueAccruedThrough() {
        return overdueAccruedThrough;
    }

    /** Keeps what the overdue days through {@code through} have earned, accrued to 应付利息 by the caller. */
    public void overdueAccrued(Money total, LocalDate through) {
        this.overdueAccrued = total.amount();
        this.overdueAccruedThrough = through;
    }

    /** The overdue interest accrued, taken out of 应付利息 by the caller's payout: none is accrued afterwards. */
    public Money takeOverdueAccrued(String currency) {
        Money accrued = overdueAccrued(currency);
        this.overdueAccrued = BigDecimal.ZERO.setScale(2);
        this.overdueAccruedThrough = null;
        return accrued;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public DepositProduct product() {
        return product;
    }

    public String settlementAccount() {
        return settlementAccount;
    }

    public String certificateNo() {
        return certificateNo;
    }
}
