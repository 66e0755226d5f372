package bank.teller.shared;

import bank.teller.platform.Database;
import bank.teller.platform.Jdbc;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bank's business date (营业日期), which is not the calendar date: it is rolled by end of day.
 * Domain code asks this calendar and never calls {@code LocalDate.now()}. Within one transaction
 * the date is read once: a posting asks for it several times and must see one date throughout.
 * The same statement reads the version of the reference data ({@link ReferenceData}).
 *
 * <p>Postings and the date roll (日切) are ordered by one lock: a posting takes it shared as it
 * writes its entry and checks the date it was booked with is still today ({@link #postingDate});
 * the roll takes it exclusively ({@link #roll}), so it waits for the postings in flight, and a
 * posting that began before the roll and writes after it is refused rather than dated a closed day.
 * PostgreSQL: a transaction-scoped advisory lock (shared ones do not queue behind each other); H2:
 * the business day's row, locked for update (H2 has no shared row lock: its postings take turns).
 */
@ApplicationScoped
public class BusinessCalendar {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Jdbc jdbc;

    @EJB
    private Database database;

    /** The advisory lock's key ("DAY" in ASCII, 4473177): postings take it shared (teller_posting_date), the roll exclusively. */
    private static final long DAY_LOCK = 0x444159L;
    private static final Pattern DATE_CHANGED = Pattern.compile("BUSINESS_DATE_CHANGED (\\d{4}-\\d{2}-\\d{2})");

    private record Day(LocalDate date, long referenceVersion) {
    }

    public LocalDate today() {
        return day().date();
    }

    /** The version of the reference data this transaction sees. */
    public long referenceVersion() {
        return day().referenceVersion();
    }

    /** Records, in the caller's transaction, that reference data changed: every server reads it anew. */
    public void referenceChanged() {
        em.createNativeQuery("UPDATE business_day SET reference_version = reference_version + 1 WHERE id = 1")
                .executeUpdate();
    }

    /**
     * How a posting's entry writes its business date, the value bound to it being the date it was
     * booked with: on PostgreSQL through {@code teller_posting_date} (migration v031), which takes
     * the business day's lock shared and refuses a date that has closed, in the entry's own INSERT
     * (no statement of its own, issue 14); on H2 plainly, after {@link #requireStill}.
     */
    public String postingDate() {
        return database.isPostgres() ? "teller_posting_date(?)" : "?";
    }

    /**
     * Before a posting's entry is written: on H2 locks the business day's row until the
     * transaction ends and refuses a date that has closed (on PostgreSQL the entry's INSERT does,
     * {@link #postingDate}).
     */
    public void requireStill(LocalDate bookedOn) {
        if (database.isPostgres()) {
            return;
        }
        LocalDate current = jdbc.query("SELECT business_date FROM business_day WHERE id = 1 FOR UPDATE",
                row -> row.getObject(1, LocalDate.class)).get(0);
        if (!current.equals(bookedOn)) {
            throw new TellerException(ErrorCode.BUSINESS_DATE_CHANGED, bookedOn, current);
        }
    }

    /**
     * The refusal of {@code teller_posting_date} as BUSINESS_DATE_CHANGED, if {@code failure} is
     * one; else {@code failure} itself.
     */
    public RuntimeException postingRefused(RuntimeException failure, LocalDate bookedOn) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher refused = DATE_CHANGED.matcher(String.valueOf(cause.getMessage()));
            if (refused.find()) {
                return new TellerException(ErrorCode.BUSINESS_DATE_CHANGED, bookedOn, LocalDate.parse(refused.group(1)));
            }
        }
        return failure;
    }

    /**
     * Moves the business date from {@code from} to {@code to} in the caller's transaction, once the
     * postings in flight have committed (the lock taken exclusively); false when the date is no
     * longer {@code from} (rolled already).
     */
    public boolean roll(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the business date only moves forward: " + from + " to " + to);
        }
        if (database.isPostgres()) {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> null, DAY_LOCK);
        }
        return jdbc.update("UPDATE business_day SET business_date = ? WHERE id = 1 AND business_date = ?", to, from) == 1;
    }

    private Day day() {
        return TransactionMemo.get("business date", 1, () -> {
            // read without JPA: nothing this transaction wrote can change it, so no flush first
            return jdbc.query("SELECT business_date, reference_version FROM business_day WHERE id = 1",
                    row -> new Day(row.getObject(1, LocalDate.class), row.getLong(2))).get(0);
        });
    }
}
