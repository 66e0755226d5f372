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
 * A bill a company expects to collect (from its bill list), paid once: its payment is the journal
 * entry of the request ({@code paidBy}, {@code paidRequestId}); a bill paid is never paid again.
 */
@Entity
@Table(name = "collection_bill")
public class CollectionBill {

    /** How a payer paid at the counter. */
    public enum Method {
        CASH, TRANSFER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "collection_bill_seq")
    @SequenceGenerator(name = "collection_bill_seq", sequenceName = "collection_bill_seq", allocationSize = 50)
    private Long id;

    @Column(name = "agreement_id", nullable = false)
    private long agreementId;

    @Column(name = "bill_ref", nullable = false, length = 32)
    private String billRef;

    @Column(name = "payer_name", nullable = false, length = 60)
    private String payerName;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "status", nullable = false, length = 8)
    private String status;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    @Column(name = "paid_request_id", length = 64)
    private String paidRequestId;

    @Column(name = "paid_method", length = 8)
    private String paidMethod;

    @Column(name = "paid_from", length = 16)
    private String paidFrom;

    @Column(name = "paid_by", length = 40)
    private String paidBy;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CollectionBill() {
    }

    public CollectionBill(long agreementId, BillList.Bill bill, Instant now) {
        this.agreementId = agreementId;
        this.billRef = bill.billRef();
        this.payerName = bill.payerName();
        this.amount = bill.amount().amount();
        this.currency = bill.amount().currency();
        this.dueDate = bill.dueDate();
        this.status = "OPEN";
        this.loadedAt = now;
    }

    /** Refused with COLLECTION_BILL_PAID (when and how) if it was paid. */
    public void requireOpen() {
        if (paidRequestId != null) {
            throw new TellerException(ErrorCode.COLLECTION_BILL_PAID, billRef, paidOn, paidMethod);
        }
    }

    /** Paid by {@code user}'s request {@code requestId}: in cash, or by transfer from {@code from}. */
    public void paid(String requestId, Method method, String from, String user, LocalDate businessDate, Instant now) {
        requireOpen();
        status = "PAID";
        paidRequestId = requestId;
        paidMethod = method.name();
        paidFrom = from;
        paidBy = user;
        paidOn = businessDate;
        paidAt = now;
    }


    public Long id() {
        return id;
    }

    public long agreementId() {
        return agreementId;
    }

    public String billRef() {
        return billRef;
    }

    public String payerName() {
        return payerName;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public String status() {
        return status;
    }

    public String paidRequestId() {
        return paidRequestId;
    }

    public String paidMethod() {
        return paidMethod;
    }

    public String paidFrom() {
        return paidFrom;
    }

    public String paidBy() {
        return paidBy;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
