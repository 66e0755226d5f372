package bank.teller.ledger.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A journal entry (会计分录). Invariants, checked when it is created: at least two lines; every
 * amount positive; one currency; Σ debit = Σ credit. It is never updated or deleted: mistakes
 * are corrected by a reversing entry.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {

    /**
     * An opening balance a migration from the old system booked: the core holds it already (it came
     * from the old system), so it is neither sent to the core nor expected in the core's file.
     */
    public static final String MIGRATION_OPENING = "MIGRATION_OPENING";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "journal_entry_seq")
    @SequenceGenerator(name = "journal_entry_seq", sequenceName = "journal_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "entry_type", nullable = false, length = 30, updatable = false)
    private String type;

    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;

    @Column(name = "branch_code", nullable = false, length = 4, updatable = false)
    private String branchCode;

    @Column(name = "teller", nullable = false, length = 40, updatable = false)
    private String teller;

    @Column(name = "request_id", nullable = false, length = 100, updatable = false)
    private String requestId;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    /**
     * For a posting that is its own idempotency record: who asked for it and what made it that request
     * (unique with the request id, so a request is posted once per caller; see PostingRequests).
     */
    @Column(name = "request_caller", length = 40, updatable = false)
    private String requestCaller;

    @Column(name = "request_fingerprint", length = 200, updatable = false)
    private String requestFingerprint;

    /** For a reversal (冲正): the entry it reverses, and why. */
    @Column(name = "reverses_entry", updatable = false)
    private Long reversesEntry;

    @Column(name = "reason", length = 200, updatable = false)
    private String reason;

    /** For an adjustment (错账调整): the earlier entry it corrects. */
    @Column(name = "adjusts_entry", updatable = false)
    private Long adjustsEntry;

    /** The till session whose cash the entry moved (its till-cash lines belong to that till). */
    @Column(name = "till_session_id", updatable = false)
    private Long tillSessionId;

    @OneToMany(mappedBy = "entry", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    private List<JournalLine> lines = new ArrayList<>();

    protected JournalEntry() {
    }

    private JournalEntry(String type, LocalDate businessDate, String branchCode, String teller,
                         String requestId, Instant postedAt) {
        this.type = type;
        this.businessDate = businessDate;
        this.branchCode = branchCode;
        this.teller = teller;
        this.requestId = requestId;
        this.postedAt = postedAt;
    }

    /** A balanced entry over {@code lines}, or {@link ErrorCode#JOURNAL_UNBALANCED}. */
    public static JournalEntry balanced(String type, LocalDate businessDate, String branchCode,
                                        String teller, String requestId, Instant postedAt,
                                        List<PostingLine> lines) {
        requireBalanced(lines);
        JournalEntry entry = new JournalEntry(type, businessDate, branchCode, teller, requestId, postedAt);
        int no = 1;
        for (PostingLine line : lines) {
            entry.lines.add(new JournalLine(entry, no++, line));
        }
        return entry;
    }

    /**
     * Checks the stored entry still balances, as it did when it was posted: one whose lines were
     * changed or lost behind Teller's back is refused ({@link ErrorCode#JOURNAL_UNBALANCED}).
     */
    public void requireBalanced() {
        requireBalanced(lines.stream().map(l -> new PostingLine(l.glCode(), l.accountNumber(), l.side(), l.amount(),
                l.balanceAfter())).toList());
    }

    static void requireBalanced(List<PostingLine> lines) {
        if (lines.size() < 2) {
            throw new TellerException(ErrorCode.JOURNAL_UNBALANCED, "fewer than two lines");
        }
        String currency = lines.get(0).amount().currency();
        Money debit = Money.zero(currency);
        Money credit = Money.zero(currency);
        for (PostingLine line : lines) {
            line.amount().requirePositive();
            if (line.side() == Side.DEBIT) {
                debit = debit.plus(line.amount());
            } else {
                credit = credit.plus(line.amount());
            }
        }
        if (!debit.equals(credit)) {
            throw new TellerException(ErrorCode.JOURNAL_UNBALANCED, debit + " != " + credit);
        }
    }

    /** Names the till session whose cash this entry moves; set before the entry is posted. */
    public JournalEntry throughTill(Long sessionId) {
        requireUnposted();
        this.tillSessionId = sessionId;
        return this;
    }

    public Long tillSessionId() {
        return tillSessionId;
    }

    /**
     * Makes this entry the record of its request: the caller's request id is then posted once, the
     * entry unique for it; set before the entry is posted.
     */
    public JournalEntry requestedBy(String caller, String fingerprint) {
        requireUnposted();
        this.requestCaller = caller;
        this.requestFingerprint = fingerprint;
        return this;
    }

    /**
     * Gives the entry its id and each line theirs, once, as the entry is written (Ledger writes
     * entries without JPA); the entry cannot change after.
     */
    public JournalEntry numbered(long entryId, LongSupplier lineIds) {
        requireUnposted();
        this.id = entryId;
        lines.forEach(line -> line.numbered(lineIds.getAsLong()));
        return this;
    }

    private void requireUnposted() {
        if (id != null) {
            throw new IllegalStateException("entry " + id + " is posted and cannot change");
        }
    }

    /** Makes this entry the reversal of {@code original}; set before the entry is posted. */
    public JournalEntry reverses(long original, String why) {
        requireUnposted();
        this.reversesEntry = original;
        this.reason = why;
        return this;
    }

    /** Makes this entry an adjustment of {@code original}; set before the entry is posted. */
    public JournalEntry adjusts(long original, String why) {
        requireUnposted();
        this.adjustsEntry = original;
        this.reason = why;
        return this;
    }

    /** Who asked for the posting this entry records, or null (an entry that is not its request's record). */
    public String requestCaller() {
        return requestCaller;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public Long adjustsEntry() {
        return adjustsEntry;
    }

    public Long reversesEntry() {
        return reversesEntry;
    }

    public String reason() {
        return reason;
    }

    public Long id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** Whether the core is to book it too (every entry but a migration's opening balance). */
    public boolean sentToCore() {
        return !MIGRATION_OPENING.equals(type);
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String branchCode() {
        return branchCode;
    }

    public String teller() {
        return teller;
    }

    public String requestId() {
        return requestId;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public List<JournalLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
