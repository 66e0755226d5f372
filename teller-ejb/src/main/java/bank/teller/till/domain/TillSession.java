package bank.teller.till.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
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

/**
 * A teller's till for one business date. Invariants: one per till and date; only an OPEN session
 * takes cash postings; the expected cash is the opening cash plus the till-cash lines of its
 * entries (computed from the journal, never stored as a running total); a close records the count,
 * and a difference from the expected cash stays pending until a supervisor other than the teller
 * books it as shortage (短款) or overage (长款) with a note.
 */
@Entity
@Table(name = "till_session")
public class TillSession {

    public static final int NOTE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "till_session_seq")
    @SequenceGenerator(name = "till_session_seq", sequenceName = "till_session_seq", allocationSize = 50)
    private Long id;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "till_code", nullable = false, length = 3)
    private String tillCode;

    @Column(name = "teller", nullable = false, length = 40)
    private String teller;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private TillStatus status;

    @Column(name = "opening_cash", nullable = false, precision = 19, scale = 2)
    private BigDecimal openingCash;

    @Column(name = "counted_cash", precision = 19, scale = 2)
    private BigDecimal countedCash;

    @Column(name = "expected_cash", precision = 19, scale = 2)
    private BigDecimal expectedCash;

    @Column(name = "count_detail", length = 200)
    private String countDetail;

    @Column(name = "close_note", length = NOTE_MAX)
    private String closeNote;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "counted_at")
    private Instant countedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "approved_by", length = 40)
    private String approvedBy;

    @Column(name = "variance_entry")
    private Long varianceEntry;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected TillSession() {
    }

    public TillSession(String branchCode, String tillCode, String teller, LocalDate businessDate, Money openingCash,
                       Instant openedAt) {
        this.branchCode = branchCode;
        this.tillCode = tillCode;
        this.teller = teller;
        this.businessDate = businessDate;
        this.status = TillStatus.OPEN;
        this.openingCash = openingCash.amount();
        this.openedAt = openedAt;
    }

    /** Refused unless the session takes cash postings. */
    public void requireOpen() {
        requireOpen(tillCode, status);
    }

    /** {@link ErrorCode#TILL_NOT_OPEN} unless a session of till {@code tillCode} in {@code status} is open. */
    public static void requireOpen(String tillCode, TillStatus status) {
        if (status != TillStatus.OPEN) {
            throw new TellerException(ErrorCode.TILL_NOT_OPEN, tillCode, status);
        }
    }

    /**
     * Records the teller's count against what the books expect; closes the session when they agree,
     * otherwise leaves the difference for a supervisor. Returns the difference (counted − expected).
     */
    public Money count(CashCount count, Money expected, Instant at) {
        requireOpen();
        this.countedCash = count.total().amount();
        this.expectedCash = expected.amount();
        this.countDetail = count.detail();
        this.countedAt = at;
        Money difference = count.total().minus(expected);
        if (difference.isZero()) {
            this.status = TillStatus.CLOSED;
            this.closedAt = at;
        } else {
            this.status = TillStatus.PENDING_VARIANCE;
        }
        return difference;
    }

    /** A supervisor (never the teller) books the difference with a note and closes the till. */
    public void varianceBooked(String supervisor, String note, Long entryId, Instant at) {
        requirePendingCheckedBy(supervisor);
        this.approvedBy = supervisor;
        this.closeNote = note;
        this.varianceEntry = entryId;
        this.status = TillStatus.CLOSED;
        this.closedAt = at;
    }

    /** A supervisor sends the count back: the till is open again for a recount. */
    public void recount(String supervisor, String note) {
        requirePendingCheckedBy(supervisor);
        this.closeNote = note;
        this.status = TillStatus.OPEN;
        this.countedCash = null;
        this.expectedCash = null;
        this.countDetail = null;
        this.countedAt = null;
    }

    private void requirePendingCheckedBy(String supervisor) {
        if (status != TillStatus.PENDING_VARIANCE) {
            throw new TellerException(ErrorCode.TILL_NOT_PENDING, tillCode, status);
        }
        if (supervisor.equals(teller)) {
            throw new TellerException(ErrorCode.CHECKER_IS_MAKER, supervisor);
        }
    }

    /** Counted − expected, once counted. */
    public Money difference() {
        return countedCash == null ? null : Money.of(countedCash, Money.CNY).minus(Money.of(expectedCash, Money.CNY));
    }

    public Long id() {
        return id;
    }

    public String branchCode() {
        return branchCode;
    }

    public String tillCode() {
        return tillCode;
    }

    public String teller() {
        return teller;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public TillStatus status() {
        return status;
    }

    public Money openingCash() {
        return Money.of(openingCash, Money.CNY);
    }

    public Money countedCash() {
        return countedCash == null ? null : Money.of(countedCash, Money.CNY);
    }

    public Money expectedCash() {
        return expectedCash == null ? null : Money.of(expectedCash, Money.CNY);
    }

    public String countDetail() {
        return countDetail;
    }

    public String closeNote() {
        return closeNote;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
