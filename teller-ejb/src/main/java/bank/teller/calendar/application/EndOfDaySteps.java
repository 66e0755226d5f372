package bank.teller.calendar.application;

import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.StoredTime;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of an end-of-day run: for each step (and each partition of a partitioned one) how many
 * items it has to do, has read, posted, skipped and failed, and why. Each count is added in the
 * transaction of the work it counts, so after a restart the report goes on from the last checkpoint
 * and counts nothing twice.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
public class EndOfDaySteps {

    /** Reasons kept per row (the first ones: the rest are in the audit trail and the server log). */
    static final int REASONS_MAX = 2000;

    /** One step's (or partition's) report. */
    public record StepReport(long jobInstanceId, String step, int partition, LocalDate businessDate, long total,
                             long read, long posted, long skipped, long failed, String reasons, Instant started,
                             Instant updated) {
        public long done() {
            return posted + skipped + failed;
        }
    }

    @Inject
    private Jdbc jdbc;

    private final Clock clock = Clock.systemUTC();

    /**
     * Begins the step's row with the items it has to do; a restarted step keeps the row it began
     * (its total and the counts so far).
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public void begin(long instance, String step, int partition, LocalDate businessDate, long total) {
        if (jdbc.query("SELECT 1 FROM end_of_day_step WHERE job_instance_id = ? AND step_name = ? AND partition_no = ?",
                row -> 1, instance, step, partition).isEmpty()) {
            Instant now = StoredTime.now(clock);
            jdbc.update("INSERT INTO end_of_day_step (job_instance_id, step_name, partition_no, business_date, "
                    + "items_total, items_read, items_posted, items_skipped, items_failed, started_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)", instance, step, partition, businessDate, total, now, now);
        }
    }

    /** Adds to the step's counts, in the caller's transaction (the work's) if it has one. */
    @RolesAllowed(Roles.SUPERVISOR)
    public void add(long instance, String step, int partition, long read, long posted, long skipped, long failed,
                    String reason) {
        add(instance, step, partition, read, posted, skipped, failed, reason, false);
    }

    /**
     * Adds to the counts of a step done in one go, whose items are known only once it has read them:
     * its total becomes what it has read (each failed attempt read one item, itself).
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public void addRead(long instance, String step, int partition, long read, long posted, long skipped, long failed,
                        String reason) {
        add(instance, step, partition, read, posted, skipped, failed, reason, true);
    }

    private void add(long instance, String step, int partition, long read, long posted, long skipped, long failed,
                     String reason, boolean totalIsRead) {
        List<String> before = jdbc.query("SELECT reasons FROM end_of_day_step WHERE job_instance_id = ? AND step_name = ? "
                + "AND partition_no = ?", row -> row.getString(1), instance, step, partition);
        String current = before.isEmpty() ? null : before.get(0);
        String reasons = reason == null ? current
                : Text.abbreviated(current == null ? reason : current + "; " + reason, REASONS_MAX - 1);
        jdbc.update("UPDATE end_of_day_step SET items_read = items_read + ?, items_posted = items_posted + ?, "
                        + "items_skipped = items_skipped + ?, items_failed = items_failed + ?, reasons = ?, updated_at = ?"
                        + (totalIsRead ? ", items_total = items_read + ?" : "") + " WHERE job_instance_id = ? "
                        + "AND step_name = ? AND partition_no = ?", totalIsRead
                        ? new Object[] {read, posted, skipped, failed, reasons, StoredTime.now(clock), read, instance, step, partition}
                        : new Object[] {read, posted, skipped, failed, reasons, StoredTime.now(clock), instance, step, partition});
    }

    /** The run's report, step by step in the order they began, partitions in order. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StepReport> of(long instance) {
        return jdbc.query("SELECT job_instance_id, step_name, partition_no, business_date, items_total, items_read, "
                        + "items_posted, items_skipped, items_failed, reasons, started_at, updated_at FROM end_of_day_step "
                        + "WHERE job_instance_id = ? ORDER BY started_at, step_name, partition_no",
                row -> new StepReport(row.getLong(1), row.getString(2), row.getInt(3), row.getObject(4, LocalDate.class),
                        row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getString(10),
                        StoredTime.instant(row.getObject(11)), StoredTime.instant(row.getObject(12))), instance);
    }
}
