package bank.teller.integration;

import bank.teller.account.application.Adjustments;
import bank.teller.account.application.Receipt;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Jdbc;
import bank.teller.platform.Trace;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supervisor's work on the breaks of the reconciliation with the core (对账差错处理), each audited:
 * <ul>
 * <li>{@link #resend}: an entry the core never booked (TELLER_ONLY) goes out through the outbox again
 * with its own messageId; the break stays open, marked RESENT, until a reconciliation finds it matched
 * (then RESOLVED, as every open break the core's file agrees with now);</li>
 * <li>{@link #resolve}: closed with a note (the core corrects its side, a booking explained);</li>
 * <li>{@link #adjust}: Teller's book corrected by an adjustment (错账调整) of the entry, through the
 * approval policy like any adjustment: asked once, approved by another supervisor, then asked again
 * (the same request) to post it; the break is RESOLVED as ADJUSTED with the adjustment's entry.</li>
 * </ul>
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class CoreBreaks {

    public static final int NOTE_MAX = 200;
    public static final String RESENT = "RESENT";
    public static final String NOTED = "NOTED";
    public static final String ADJUSTED = "ADJUSTED";
    /** Found again by a reconciliation that matched what the break was about. */
    public static final String CLEARED = "CLEARED";

    /** A break as kept: what differs, and where its resolution stands. */
    public record BreakView(long id, LocalDate businessDate, String category, long entryId, String coreRef,
                            String amount, String detail, String status, String resolution, String note,
                            String resolvedBy, Instant resolvedAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        /** An entry the core never booked: it can be sent again. */
        public boolean resendable() {
            return Reconciliation.Category.TELLER_ONLY.name().equals(category);
        }

        /** Teller has an entry of its own to adjust (not a booking of the core's alone). */
        public boolean adjustable() {
            return !Reconciliation.Category.CORE_ONLY.name().equals(category);
        }
    }

    private static final String COLUMNS = "id, business_date, category, entry_id, core_ref, amount, detail, status, "
            + "resolution, note, resolved_by, resolved_at FROM core_break";

    @Inject
    private Jdbc jdbc;
    @EJB
    private AuditTrail audit;
    @EJB
    private Adjustments adjustments;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** The breaks of a day, open and resolved, in the order they were found. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BreakView> ofDay(LocalDate date) {
        return jdbc.query("SELECT " + COLUMNS + " WHERE business_date = ? ORDER BY id", CoreBreaks::view, date);
    }

    /** The break; CORE_BREAK_NOT_FOUND when there is none. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BreakView get(long id) {
        List<BreakView> found = jdbc.query("SELECT " + COLUMNS + " WHERE id = ?", CoreBreaks::view, id);
        if (found.isEmpty()) {
            throw new TellerException(ErrorCode.CORE_BREAK_NOT_FOUND, id);
        }
        return found.get(0);
    }

    /**
     * Sends a TELLER_ONLY break's entry to the core again: back in the outbox (released if it was set
     * aside there), its state with the core forgotten until the relay sends it; the break stays open.
     */
    public BreakView resend(long id, String note) {
        String why = note == null || note.isBlank() ? null : Text.required("note", note, NOTE_MAX);
        BreakView found = openBreak(id);
        if (!found.resendable()) {
            throw new TellerException(ErrorCode.CORE_BREAK_NOT_RESENDABLE, id, found.category());
        }
        Instant now = StoredTime.now(clock);
        if (jdbc.update("UPDATE core_outbox SET parked_at = NULL, attempts = 0, last_error = NULL WHERE entry_id = ?",
                found.entryId()) == 0) {
            jdbc.update("INSERT INTO core_outbox (entry_id, created_at, attempts, trace_id) VALUES (?, ?, 0, ?)", found.entryId(), now,
                    Trace.requestId());
        }
        jdbc.update("DELETE FROM core_posting WHERE entry_id = ?", found.entryId());
        jdbc.update("UPDATE core_break SET resolution = ?, note = ? WHERE id = ?", RESENT, why, id);
        audit.record("CORE_BREAK_RESEND", subject(id), "entry " + found.entryId() + " sent to the core again"
                + (why == null ? "" : ": " + why), AuditEvent.SUCCESS);
        return get(id);
    }

    /** Closes the break with the supervisor's note of how it was settled. */
    public BreakView resolve(long id, String note) {
        String why = Text.required("note", note, NOTE_MAX);
        openBreak(id);
        resolved(id, NOTED, why);
        audit.record("CORE_BREAK_RESOLVE", subject(id), why, AuditEvent.SUCCESS);
        return get(id);
    }

    /**
     * Corrects Teller's book for the break's entry by an adjustment ({@link Adjustments#adjust}, request
     * {@code core-break-<id>}): APPROVAL_REQUIRED the first time, posted when asked again once approved;
     * then the break is RESOLVED as ADJUSTED, naming the adjustment's entry.
     */
    public BreakView adjust(long id, String accountNumber, String side, String amount, String reason) {
        BreakView found = openBreak(id);
        if (!found.adjustable()) {
            throw new TellerException(ErrorCode.CORE_BREAK_NOT_ADJUSTABLE, id, found.category());
        }
        Receipt adjustment = adjustments.adjust(found.entryId(), accountNumber, side, amount, reason, "core-break-" + id);
        String note = Text.abbreviated("adjustment entry " + adjustment.entryId() + ": " + reason, NOTE_MAX);
        resolved(id, ADJUSTED, note);
        audit.record("CORE_BREAK_ADJUST", subject(id), note, AuditEvent.SUCCESS);
        return get(id);
    }

    private BreakView openBreak(long id) {
        BreakView found = get(id);
        if (!found.open()) {
            throw new TellerException(ErrorCode.CORE_BREAK_RESOLVED, id, found.resolution(), found.resolvedBy());
        }
        return found;
    }

    /** Marks the open break resolved; CORE_BREAK_RESOLVED when another resolved it meanwhile. */
    private void resolved(long id, String resolution, String note) {
        if (jdbc.update("UPDATE core_break SET status = 'RESOLVED', resolution = ?, note = ?, resolved_by = ?, "
                + "resolved_at = ? WHERE id = ? AND status = 'OPEN'", resolution, note,
                context.getCallerPrincipal().getName(), StoredTime.now(clock), id) == 0) {
            BreakView now = get(id);
            throw new TellerException(ErrorCode.CORE_BREAK_RESOLVED, id, now.resolution(), now.resolvedBy());
        }
    }

    private static String subject(long id) {
        return "core-break:" + id;
    }

    private static BreakView view(ResultSet row) throws SQLException {
        BigDecimal amount = row.getBigDecimal(6);
        return new BreakView(row.getLong(1), row.getObject(2, LocalDate.class), row.getString(3), row.getLong(4),
                row.getString(5), amount.toPlainString(), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11), row.getObject(12) == null ? null : StoredTime.instant(row.getObject(12)));
    }
}
