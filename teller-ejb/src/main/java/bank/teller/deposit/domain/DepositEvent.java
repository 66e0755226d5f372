package bank.teller.deposit.domain;

import bank.teller.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing that happened to a deposit and its certificate (存单), for its history: never changed,
 * never deleted. The amount is what moved (or the principal a certificate shows), the interest what
 * was paid or renewed with it, the entry the posting that moved the money, if one did.
 */
@Entity
@Table(name = "deposit_event")
public class DepositEvent {

    /** What happened. */
    public enum Kind {
        OPENED, MATURED, RENEWED, PARTLY_WITHDRAWN, NOTICE_REGISTERED, NOTICE_CANCELLED, LOST, LOSS_CONFIRMED,
        LOSS_RELEASED, LOSS_LAPSED, REISSUED, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deposit_event_seq")
    @SequenceGenerator(name = "deposit_event_seq", sequenceName = "deposit_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_number", nullable = false, length = 16)
    private String accountNumber;

    @Column(name = "kind", nullable = false, length = 20)
    private String event;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "certificate_no", length = 12)
    private String certificateNo;

    @Column(name = "amount", precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "interest", precision = 19, scale = 2)
    private BigDecimal interest;

    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "detail", length = 200)
    private String detail;

    @Column(name = "actor", nullable = false, length = 40)
    private String actor;

    @Column(name = "recorded_at", nullable = false)
    private Instant at;

    /** The interest slip of the interest paid or renewed with, line by line (none: no interest moved). */
    @ElementCollection
    @CollectionTable(name = "deposit_interest_line", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "line_no")
    private List<SlipLine> slip = new ArrayList<>();

    protected DepositEvent() {
    }

    public DepositEvent(String accountNumber, Kind kind, LocalDate businessDate, String certificateNo,
                        BigDecimal amount, Long entryId, String detail, String actor, Instant at) {
        this.accountNumber = accountNumber;
        this.event = kind.name();
        this.businessDate = businessDate;
        this.certificateNo = certificateNo;
        this.amount = amount;
        this.entryId = entryId;
        this.detail = detail;
        this.actor = actor;
        this.at = at;
    }

    /** Keeps {@code paid}'s lines as this event's interest slip, and its total as the interest. */
    public DepositEvent withSlip(InterestSlip paid) {
        paid.lines().forEach(line -> slip.add(new SlipLine(line)));
        this.interest = paid.total().amount();
        return this;
    }

    /** The interest slip kept, or null when the event kept none. */
    public InterestSlip slip(String currency) {
        return slip.isEmpty() ? null : new InterestSlip(Money.of(amount, currency),
                slip.stream().map(line -> line.line(currency)).toList());
    }

    public Long id() {
        return id;
    }

    public String accountNumber() {
        return accountNumber;
    }

    public String event() {
        return event;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String certificateNo() {
        return certificateNo;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal interest() {
        return interest;
    }

    public Long entryId() {
        return entryId;
    }

    public String detail() {
        return detail;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }
}
