package bank.teller.platform;

import bank.teller.integration.ParkedPostings;
import bank.teller.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Reads the figures {@link Metrics} shows from the database every few seconds, on every node (each
 * serves its own {@code /prometheus}): the outboxes' backlogs (the core outbox's as {@link
 * ParkedPostings#depth} counts it), the open reconciliation breaks and the latest end of day's steps. A scrape reads what was read last, so it never waits for the database;
 * a failed read keeps the last figures and is logged once until reads succeed again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@RunAs(Roles.AUDITOR) // it reads what auditors may read (the outbox's depth), and nothing else
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetricsRefresh {

    private static final Logger LOG = Logger.getLogger(MetricsRefresh.class.getName());
    /** The end-of-day job's name (BatchJobs.END_OF_DAY, in the batch module). */
    private static final String END_OF_DAY = "end-of-day";

    @Inject
    private Metrics metrics;
    @Inject
    private Jdbc jdbc;
    @EJB
    private ParkedPostings parkedPostings;

    private final AtomicBoolean failing = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "metrics refresh")
    public void refresh() {
        try {
            ParkedPostings.OutboxDepth outbox = parkedPostings.depth();
            metrics.figure(Metrics.CORE_OUTBOX_WAITING, outbox.pending());
            metrics.figure(Metrics.CORE_OUTBOX_PARKED, outbox.parked());
            metrics.figure(Metrics.CLEARING_OUTBOX_WAITING, count("SELECT COUNT(*) FROM clearing_outbox"));
            metrics.figure(Metrics.RECONCILIATION_BREAKS, count("SELECT COUNT(*) FROM core_break WHERE status = 'OPEN'"));
            metrics.endOfDaySteps(endOfDaySteps());
            if (failing.compareAndSet(true, false)) {
                LOG.info("metrics refresh: reading the database again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warning("metrics refresh: cannot read the database, the figures stay as last read: " + e.getMessage());
            }
        }
    }

    private long count(String sql) {
        return jdbc.query(sql, row -> row.getLong(1)).get(0);
    }

    /** Each step's duration in the latest end of day (a step still running: until now), by step, in the order they ran. */
    private Map<String, Long> endOfDaySteps() {
        Map<String, Long> millis = new LinkedHashMap<>();
        Instant now = Instant.now();
        jdbc.query("SELECT s.stepname, s.starttime, s.endtime FROM step_execution s JOIN job_execution e "
                + "ON e.jobexecutionid = s.jobexecutionid WHERE e.jobinstanceid = (SELECT MAX(i.jobinstanceid) "
                + "FROM job_instance i WHERE i.jobname = ?) ORDER BY s.stepexecutionid", row -> {
                    Timestamp start = row.getTimestamp(2);
                    Timestamp end = row.getTimestamp(3);
                    if (start != null) {
                        millis.put(row.getString(1), Duration.between(start.toInstant(),
                                end == null ? now : end.toInstant()).toMillis());
                    }
                    return null;
                }, END_OF_DAY);
        return millis;
    }
}
