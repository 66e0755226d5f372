package bank.teller.payment.domain;

import bank.teller.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A wire transfer out (电汇) to an account at another bank: what the payer asked for, the route it
 * took and where it stands as the clearing system answers. The payer's debit is the journal entry of
 * the wire's request ({@code requested_by}, {@code request_id}).
 */
@Entity
@Table(name = "wire")
public class Wire {

    public static final int NAME_MAX = 60;
    public static final int PURPOSE_MAX = 60;
    public static final int CLEARING_REF_MAX = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "wire_seq")
    @SequenceGenerator(name = "wire_seq", sequenceName = "wire_seq", allocationSize = 50)
    private Long id;

    @Column(name = "reference", nullable = false, length = 20, unique = true)
    private String reference;

    @Column(name = "payer_account", nullable = false, length = 16)
    private String payerAccount;

    @Column(name = "payee_name", nullable = false, length = NAME_MAX)
    private String payeeName;

    @Column(name = "payee_account", nullable = false, length = 32)
    private String payeeAccount;

    @Column(name = "payee_bank", nullable = false, length = 12)
    private String payeeBank;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "fee", nullable = false, precision = 19, scale = 2)
    private BigDecimal fee;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "purpose", nullable = false, length = PURPOSE_MAX)
    private String purpose;

    @Column(name = "urgent", nullable = false)
    private boolean urgent;

    @Enumerated(EnumType.STRING)
    @Column(name = "route", nullable = false, length = 12)
    private ClearingRoute.Route route;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private WireStatus status;

    @Column(name = "clearing_ref", length = CLEARING_REF_MAX)
    private String clearingRef;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "requested_by", nullable = false, length = 40)
    private String requestedBy;

    @Column(name = "request_id", nullable = false, length = 64)
    private String requestId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Wire() {
    }

    /** What the payer asks for: whom to pay, where, how much and why. */
    public record Order(String payerAccount, Payee payee, Money amount, String purpose, boolean urgent) {
    }

    /** The account at another bank that is paid. */
    public record Payee(String name, String account, String bankCode) {
    }

    /** A wire sent today: the payer debited for {@code amount} and {@code fee}, the message not yet sent. */
    public Wire(Order order, Money fee, ClearingRoute.Route route, LocalDate businessDate, String branchCode,
                String requestedBy, String requestId, Instant now) {
        this.payerAccount = order.payerAccount();
        this.payeeName = order.payee().name();
        this.payeeAccount = order.payee().account();
        this.payeeBank = order.payee().bankCode();
        this.amount = order.amount().amount();
        this.currency = order.amount().currency();
        this.fee = fee.amount();
        this.purpose = order.purpose();
        this.urgent = order.urgent();
        this.route = route;
        this.status = WireStatus.SUBMITTED;
        this.businessDate = businessDate;
        this.branchCode = branchCode;
        this.requestedBy = requestedBy;
        this.requestId = requestId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Its reference, once it has an id: the business date and the id, as the clearing message and the customer quote it. */
    public String assignReference() {
        reference = "W" + businessDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%011d", id);
        return reference;
    }

    /**
     * The clearing system's answer: the wire moves on, or (a duplicate, a late or a contradicting
     * answer) stays as it is; answers what the answer did.
     */
    public WireStatus.Change answered(WireStatus next, String ref, Instant now) {
        WireStatus.Change change = status.on(next);
        if (change == WireStatus.Change.MOVES) {
            status = next;
            if (ref != null) {
                clearingRef = ref;
            }
            updatedAt = now;
        }
        return change;
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String payerAccount() {
        return payerAccount;
    }

    public Payee payee() {
        return new Payee(payeeName, payeeAccount, payeeBank);
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Money fee() {
        return Money.of(fee, currency);
    }

    public String purpose() {
        return purpose;
    }

    public boolean urgent() {
        return urgent;
    }

    public ClearingRoute.Route route() {
        return route;
    }

    public WireStatus status() {
        return status;
    }

    public String clearingRef() {
        return clearingRef;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String branchCode() {
        return branchCode;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String requestId() {
        return requestId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
