package bank.teller.account.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A hold or freeze on an account. Invariants: a HOLD or FREEZE_AMOUNT has a positive amount, a
 * FREEZE_ALL none; a reason is given; a freeze names its legal reference. It is released once, by
 * someone, and never deleted; a hold with an expiry stops counting after that business date.
 */
@Entity
@Table(name = "account_restriction")
public class Restriction {

    public static final int TEXT_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_restriction_seq")
    @SequenceGenerator(name = "account_restriction_seq", sequenceName = "account_restriction_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_number", nullable = false, length = 16, updatable = false)
    private String accountNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 14, updatable = false)
    private RestrictionKind kind;

    @Column(name = "amount", precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "reason", nullable = false, length = TEXT_MAX, updatable = false)
    private String reason;

    @Column(name = "legal_reference", length = TEXT_MAX, updatable = false)
    private String legalReference;

    @Column(name = "expires_on", updatable = false)
    private LocalDate expiresOn;

    @Column(name = "placed_by", nullable = false, length = 40, updatable = false)
    private String placedBy;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @Column(name = "released_by", length = 40)
    private String releasedBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    protected Restriction() {
    }

    public Restriction(AccountNumber account, RestrictionKind kind, Money amount, String reason, String legalReference,
                       LocalDate expiresOn, String placedBy, Instant placedAt) {
        if (kind == RestrictionKind.FREEZE_ALL ? amount != null : amount == null) {
            throw new TellerException(ErrorCode.RESTRICTION_INVALID, kind);
        }
        if (amount != null) {
            amount.requirePositive();
        }
        if (kind != RestrictionKind.HOLD && blank(legalReference)) {
            throw new TellerException(ErrorCode.RESTRICTION_REFERENCE_REQUIRED);
        }
        this.accountNumber = account.value();
        this.kind = kind;
        this.amount = amount == null ? null : amount.amount();
        this.currency = amount == null ? Money.CNY : amount.currency();
        this.reason = Text.required("reason", reason, TEXT_MAX);
        this.legalReference = Text.optional("legalReference", legalReference, TEXT_MAX);
        this.expiresOn = expiresOn;
        this.placedBy = placedBy;
        this.placedAt = placedAt;
    }

    /** Whether it still stops money on {@code businessDate}. */
    public boolean activeOn(LocalDate businessDate) {
        return releasedAt == null && (expiresOn == null || !businessDate.isAfter(expiresOn));
    }

    public void release(String by, Instant at) {
        if (releasedAt != null) {
            throw new TellerException(ErrorCode.RESTRICTION_ALREADY_RELEASED, id);
        }
        this.releasedBy = by;
        this.releasedAt = at;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public Long id() {
        return id;
    }

    public AccountNumber accountNumber() {
        return new AccountNumber(accountNumber);
    }

    public RestrictionKind kind() {
        return kind;
    }

    /** The amount it stops; null for a whole-account freeze. */
    public Money amount() {
        return amount == null ? null : Money.of(amount, currency);
    }

    public String reason() {
        return reason;
    }

    public String legalReference() {
        return legalReference;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }
}
