package bank.teller.integration;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.integration.CoreBreaks.BreakView;
import bank.teller.integration.Reconciliation.Break;
import bank.teller.integration.Reconciliation.CoreLine;
import bank.teller.integration.Reconciliation.Line;
import bank.teller.platform.Database;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reconciliation with the core banking system (对账), as a step of end of day and on a supervisor's
 * request: once every entry of the day has left the outbox and the core has acknowledged what it got
 * (or a while has passed), the core's reconciliation file for the day is fetched
 * ({@code teller.core.reconciliation-url} + the date, CSV) and compared with the day's journal
 * ({@link Reconciliation}). Matched entries become RECONCILED, the others BREAK, each break recorded
 * for a supervisor ({@code core_break}, resolved through {@link CoreBreaks}); running it again keeps
 * each break found before (never reopening a resolved one) and resolves the open ones it finds matched.
 * Without the file (the core unreachable) the day is recorded NO_FILE, to be run again.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
public class CoreReconciliations {

    static final String FILE_HEADER = "entry_id,core_ref,line_no,gl_code,account_number,side,amount";
    private static final String URL = System.getProperty("teller.core.reconciliation-url",
            "http://localhost:8080/core-sim/api/reconciliation/");
    private static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("teller.core.acknowledgement-wait-seconds", 30));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A day's reconciliation: its counts, and every break found, open or resolved. */
    public record Summary(LocalDate businessDate, String status, int tellerEntries, int coreBookings, int matched,
                          int breaks, int openBreaks, String detail, String runBy, Instant runAt,
                          List<CategoryTotal> categories, List<BreakView> breakList) {

        /** Reconciled, and every break found resolved. */
        public boolean settled() {
            return !"NO_FILE".equals(status) && openBreaks == 0;
        }
    }

    /** The report's line of a category: breaks found, how many still open, their amount. */
    public record CategoryTotal(String category, int breaks, int open, String amount) {
    }

    @Inject
    private Jdbc jdbc;
    @Inject
    private Database database;
    @EJB
    private AuditTrail audit;
    @EJB
    private CoreBreaks coreBreaks;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /**
     * Waits (outside any transaction) until no entry of the day waits in the outbox nor for the core's
     * acknowledgement, or {@code teller.core.acknowledgement-wait-seconds} (30) have passed; whether it
     * got there.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean awaitCore(LocalDate date) throws InterruptedException {
        Instant deadline = clock.instant().plus(WAIT);
        while (true) {
            long waiting = jdbc.query("SELECT (SELECT COUNT(*) FROM core_outbox o JOIN journal_entry e ON e.id = o.entry_id "
                    + "WHERE e.business_date = ? AND o.parked_at IS NULL) + (SELECT COUNT(*) FROM core_posting p "
                    + "JOIN journal_entry e ON e.id = p.entry_id WHERE e.business_date = ? AND p.state = 'SENT')",
                    row -> row.getLong(1), date, date).get(0);
            if (waiting == 0) {
                return true;
            }
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(250);
        }
    }

    /**
     * Reconciles the day once the core has it ({@link #awaitCore}, outside any transaction), then in a
     * transaction of its own ({@link #reconcile}): what end of day, the API and the screen ask for.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Summary reconcileWhenCoreHasTheDay(LocalDate date) {
        try {
            awaitCore(date);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the core", interrupted);
        }
        return context.getBusinessObject(CoreReconciliations.class).reconcile(date);
    }

    /** Fetches the core's file for the day, compares, records; the day's summary. */
    @RolesAllowed(Roles.SUPERVISOR)
    public Summary reconcile(LocalDate date) {
        String file;
        List<CoreLine> core;
        try {
            file = fetch(date);
            core = parse(file);
        } catch (IOException | RuntimeException unavailable) {
            String detail = Text.abbreviated("the core's file for " + date + ": " + unavailable.getMessage(), 500);
            recordDay(date, "NO_FILE", 0, 0, 0, 0, detail);
            audit.record("CORE_RECONCILIATION", date.toString(), detail, "FAILED");
            return summary(date);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching the core's file", interrupted);
        }
        Map<Long, List<Line>> teller = tellerDay(date);
        Reconciliation.Result result = Reconciliation.compare(teller, core);
        int open = recordBreaks(date, result.breaks());
        setState(result.matched(), "RECONCILED");
        setState(result.breaks().stream().filter(b -> b.category() != Reconciliation.Category.CORE_ONLY)
                .map(Break::entryId).distinct().toList(), "BREAK");
        int bookings = (int) core.stream().map(CoreLine::coreRef).distinct().count();
        String detail = open == 0 ? null : categories(result.breaks());
        recordDay(date, open == 0 ? "CLEAN" : "BREAKS", teller.size(), bookings, result.matched().size(), open, detail);
        audit.record("CORE_RECONCILIATION", date.toString(), teller.size() + " entries, " + bookings + " core bookings, "
                + result.matched().size() + " matched, " + open + " open breaks" + (detail == null ? "" : ": " + detail),
                AuditEvent.SUCCESS);
        return summary(date);
    }

    /** The latest business date reconciled (or tried), if any. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<LocalDate> lastReconciled() {
        return jdbc.query("SELECT MAX(business_date) FROM core_reconciliation", row -> row.getObject(1, LocalDate.class))
                .stream().filter(Objects::nonNull).findFirst();
    }

    /** The day's reconciliation as last run, with its breaks (RECONCILIATION_NOT_RUN before it ran). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Summary summary(LocalDate date) {
        List<Summary> found = jdbc.query("SELECT status, teller_entries, core_bookings, matched, breaks, detail, run_by, run_at "
                + "FROM core_reconciliation WHERE business_date = ?", row -> new Summary(date, row.getString(1),
                row.getInt(2), row.getInt(3), row.getInt(4), row.getInt(5), 0, row.getString(6), row.getString(7),
                StoredTime.instant(row.getObject(8)), List.of(), List.of()), date);
        if (found.isEmpty()) {
            throw new TellerException(ErrorCode.RECONCILIATION_NOT_RUN, date);
        }
        Summary day = found.get(0);
        List<BreakView> breaks = coreBreaks.ofDay(date);
        Map<String, CategoryTotal> totals = new LinkedHashMap<>();
        for (Reconciliation.Category category : Reconciliation.Category.values()) {
            List<BreakView> of = breaks.stream().filter(b -> b.category().equals(category.name())).toList();
            totals.put(category.name(), new CategoryTotal(category.name(), of.size(),
                    (int) of.stream().filter(BreakView::open).count(),
                    of.stream().map(b -> new BigDecimal(b.amount())).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString()));
        }
        return new Summary(day.businessDate(), day.status(), day.tellerEntries(), day.coreBookings(), day.matched(),
                day.breaks(), (int) breaks.stream().filter(BreakView::open).count(), day.detail(), day.runBy(),
                day.runAt(), List.copyOf(totals.values()), breaks);
    }

    /**
     * Keeps the breaks found: one already kept (same category, entry and core reference) keeps its id,
     * and its resolution; a new one is added OPEN; an open one not found any more is RESOLVED (the
     * core's file agrees now: a resent entry booked, a late booking come). How many are open.
     */
    private int recordBreaks(LocalDate date, List<Break> found) {
        Instant now = StoredTime.now(clock);
        Map<String, BreakView> kept = new LinkedHashMap<>();
        coreBreaks.ofDay(date).forEach(b -> kept.put(key(b.category(), b.entryId(), b.coreRef()), b));
        int open = 0;
        for (Break each : found) {
            BreakView known = kept.remove(key(each.category().name(), each.entryId(), each.coreRef()));
            String detail = Text.abbreviated(each.detail(), 500);
            if (known == null) {
                jdbc.update("INSERT INTO core_break (id, business_date, category, entry_id, core_ref, amount, detail, status, "
                        + "found_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)", database.nextValue("core_break_seq"), date,
                        each.category().name(), each.entryId(), each.coreRef(), each.amount(), detail, now);
                open++;
            } else if (known.open()) {
                jdbc.update("UPDATE core_break SET amount = ?, detail = ? WHERE id = ?", each.amount(), detail, known.id());
                open++;
            }
        }
        String caller = context.getCallerPrincipal().getName();
        for (BreakView cleared : kept.values()) {
            if (cleared.open()) {
                jdbc.update("UPDATE core_break SET status = 'RESOLVED', resolution = COALESCE(resolution, ?), "
                        + "note = COALESCE(note, ?), resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'OPEN'",
                        CoreBreaks.CLEARED, "matched when reconciled again", caller, now, cleared.id());
            }
        }
        return open;
    }

    private static String key(String category, long entryId, String coreRef) {
        return category + "|" + entryId + "|" + (coreRef == null ? "" : coreRef);
    }

    private static String fetch(LocalDate date) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + date))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + URL + date);
        }
        return response.body();
    }

    /** The core's file read: its header, then a line of a booking a row; IllegalArgumentException when malformed. */
    static List<CoreLine> parse(String file) {
        List<String> rows = file.lines().filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty() || !rows.get(0).strip().equals(FILE_HEADER)) {
            throw new IllegalArgumentException("the file does not start with " + FILE_HEADER);
        }
        List<CoreLine> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",", -1);
            try {
                if (f.length != 7) {
                    throw new IllegalArgumentException("7 fields expected");
                }
                lines.add(new CoreLine(Long.parseLong(f[0]), f[1], new Line(Integer.parseInt(f[2]), f[3], f[4], f[5],
                        new BigDecimal(f[6]))));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("row " + (i + 1) + " unreadable (" + bad.getMessage() + "): " + rows.get(i));
            }
        }
        return lines;
    }

    private Map<Long, List<Line>> tellerDay(LocalDate date) {
        Map<Long, List<Line>> day = new TreeMap<>();
        jdbc.query("SELECT l.entry_id, l.line_no, l.gl_code, l.account_number, l.side, l.amount FROM journal_line l "
                        + "JOIN journal_entry e ON e.id = l.entry_id WHERE e.business_date = ? AND e.entry_type <> ? "
                        + "AND e.branch_code" + Branches.REAL, // nor anything of training: it never reached the core
                row -> day.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new Line(row.getInt(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getBigDecimal(6))), date,
                JournalEntry.MIGRATION_OPENING); // the core has the old system's balances: nothing of it was sent
        return day;
    }

    private void setState(List<Long> entries, String state) {
        jdbc.batch("UPDATE core_posting SET state = ? WHERE entry_id = ?",
                entries.stream().map(id -> new Object[] {state, id}).toList());
    }

    private void recordDay(LocalDate date, String status, int entries, int bookings, int matched, int breaks, String detail) {
        jdbc.update("DELETE FROM core_reconciliation WHERE business_date = ?", date);
        jdbc.update("INSERT INTO core_reconciliation (business_date, status, teller_entries, core_bookings, matched, breaks, "
                + "detail, run_by, run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", date, status, entries, bookings, matched,
                breaks, detail, context.getCallerPrincipal().getName(), StoredTime.now(clock));
    }

    private static String categories(List<Break> breaks) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        breaks.forEach(b -> counts.computeIfAbsent(b.category().name(), c -> new int[1])[0]++);
        StringBuilder text = new StringBuilder();
        counts.forEach((category, n) -> text.append(text.isEmpty() ? "" : ", ").append(category).append(' ').append(n[0]));
        return text.toString();
    }
}
