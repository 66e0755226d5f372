package bank.teller.payment.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A payer's direct-debit mandate (代扣协议) for a company, signed at the counter: which account the
 * company may debit, how much at most per debit and per calendar month, from when and until when
 * (none: until cancelled). Cancelled, it debits nothing more.
 */
@Entity
@Table(name = "dd_mandate")
public class DirectDebitMandate {

    public static final String REF_PATTERN = "[A-Za-z0-9-]{1,32}";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dd_mandate_seq")
    @SequenceGenerator(name = "dd_mandate_seq", sequenceName = "dd_mandate_seq", allocationSize = 50)
    private Long id;

    @Column(name = "agreement_id", nullable = false)
    private long agreementId;

    @Column(name = "mandate_ref", nullable = false, length = 32)
    private String mandateRef;

    @Column(name = "payer_account", nullable = false, length = 16)
    private String payerAccount;

    @Column(name = "limit_per_debit", nullable = false, precision = 19, scale = 2)
    private BigDecimal limitPerDebit;

    @Column(name = "limit_per_month", nullable = false, precision = 19, scale = 2)
    private BigDecimal limitPerMonth;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "signed_by", nullable = false, length = 40)
    private String signedBy;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "cancelled_by", length = 40)
    private String cancelledBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DirectDebitMandate() {
    }

    /** The terms a payer signs. */
    public record Terms(String mandateRef, String payerAccount, Money limitPerDebit, Money limitPerMonth,
                        LocalDate validFrom, LocalDate expiresOn) {

        /** Refused (MANDATE_INVALID) unless the monthly limit covers one debit and the mandate ends after it begins. */
        public Terms {
            if (limitPerMonth.compareTo(limitPerDebit) < 0 || expiresOn != null && expiresOn.isBefore(validFrom)) {
                throw new TellerException(ErrorCode.MANDATE_INVALID, mandateRef);
            }
        }
    }

    public DirectDebitMandate(long agreementId, Terms terms, String signedBy, Instant now) {
        this.agreementId = agreementId;
        this.mandateRef = terms.mandateRef();
        this.payerAccount = terms.payerAccount();
        this.limitPerDebit = terms.limitPerDebit().amount();
        this.limitPerMonth = terms.limitPerMonth().amount();
        this.validFrom = terms.validFrom();
        this.expiresOn = terms.expiresOn();
        this.status = "ACTIVE";
        this.signedBy = signedBy;
        this.signedAt = now;
    }

    public Terms terms() {
        return new Terms(mandateRef, payerAccount, Money.cny(limitPerDebit.toPlainString()),
                Money.cny(limitPerMonth.toPlainString()), validFrom, expiresOn);
    }

    /**
     * Why a debit of {@code amount} on {@code today} is refused, with {@code usedThisMonth} already
     * debited under the mandate this calendar month; null when it may go.
     */
    public String refusal(Money amount, Money usedThisMonth, LocalDate today) {
        if (!"ACTIVE".equals(status)) {
            return "MANDATE_CANCELLED";
        }
        if (today.isBefore(validFrom) || expiresOn != null && today.isAfter(expiresOn)) {
            return "MANDATE_EXPIRED";
        }
        if (amount.amount().compareTo(limitPerDebit) > 0) {
            return "OVER_DEBIT_LIMIT";
        }
        if (usedThisMonth.amount().add(amount.amount()).compareTo(limitPerMonth) > 0) {
            return "OVER_MONTHLY_LIMIT";
        }
        return null;
    }

    /** Cancelled by {@code user}: no debit after it; cancelling again changes nothing. */
    public void cancel(String user, Instant now) {
        if ("ACTIVE".equals(status)) {
            status = "CANCELLED";
            cancelledBy = user;
            cancelledAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public long agreementId() {
        return agreementId;
    }

    public String mandateRef() {
        return mandateRef;
    }

    public String payerAccount() {
        return payerAccount;
    }

    public String status() {
        return status;
    }

    public String signedBy() {
        return signedBy;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
