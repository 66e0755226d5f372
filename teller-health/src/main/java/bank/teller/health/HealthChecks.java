package bank.teller.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Teller's health (MicroProfile Health, issue 20), served by WildFly on the management interface:
 * {@code /health/ready} and {@code /health/live}. Ready: the database answers, the broker takes a
 * connection, the core system's outbox and the clearing outbox are under their limits (system
 * properties {@value #CORE_OUTBOX_MAX} and {@value #CLEARING_OUTBOX_MAX}, read at each check, 10,000
 * by default), and the latest end of day has not failed. Live: no thread of the server is deadlocked
 * (a restart is the only cure for that; a database that is down is a matter of readiness).
 *
 * <p>In the EAR's {@code lib/} (see this module's pom): it reads the database through the server's
 * datasource, in plain JDBC, without Teller's modules.
 */
@ApplicationScoped
public class HealthChecks {

    public static final String CORE_OUTBOX_MAX = "teller.health.core-outbox-max";
    public static final String CLEARING_OUTBOX_MAX = "teller.health.clearing-outbox-max";
    private static final long DEFAULT_MAX = 10_000;
    /** The end-of-day job's name (BatchJobs.END_OF_DAY, in the batch module). */
    private static final String END_OF_DAY = "end-of-day";

    @Resource(lookup = "java:jboss/datasources/TellerDS")
    private DataSource database;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory broker;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> check("database", response -> response.withData("answer", count("SELECT 1")).up());
    }

    @Produces
    @Readiness
    HealthCheck messageBroker() {
        return () -> check("message-broker", response -> {
            try (JMSContext context = broker.createContext()) {
                context.createProducer(); // a session on the broker: it takes connections
            }
            return response.up();
        });
    }

    @Produces
    @Readiness
    HealthCheck coreOutbox() {
        return () -> backlog("core-outbox", CORE_OUTBOX_MAX, () -> count(
                "SELECT COUNT(*) FROM core_outbox WHERE parked_at IS NULL"), () -> count(
                "SELECT COUNT(*) FROM core_outbox WHERE parked_at IS NOT NULL"));
    }

    @Produces
    @Readiness
    HealthCheck clearingOutbox() {
        return () -> backlog("clearing-outbox", CLEARING_OUTBOX_MAX, () -> count("SELECT COUNT(*) FROM clearing_outbox"),
                null);
    }

    @Produces
    @Readiness
    HealthCheck endOfDay() {
        return () -> check("end-of-day", response -> {
            String status = "NEVER_RAN";
            try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                    "SELECT e.batchstatus FROM job_execution e JOIN job_instance i ON i.jobinstanceid = e.jobinstanceid "
                            + "WHERE i.jobname = ? ORDER BY e.jobexecutionid DESC FETCH FIRST 1 ROWS ONLY")) {
                statement.setString(1, END_OF_DAY);
                try (ResultSet latest = statement.executeQuery()) {
                    if (latest.next()) {
                        status = latest.getString(1);
                    }
                }
            }
            return response.withData("latest", status).status(!"FAILED".equals(status));
        });
    }

    @Produces
    @Liveness
    HealthCheck deadlocks() {
        return () -> {
            long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
            return HealthCheckResponse.named("deadlocks").withData("threads", deadlocked == null ? 0 : deadlocked.length)
                    .status(deadlocked == null).build();
        };
    }

    private HealthCheckResponse backlog(String name, String property, Supplier<Long> waiting, Supplier<Long> parked) {
        return check(name, response -> {
            long max = Long.getLong(property, DEFAULT_MAX);
            long now = waiting.get();
            response.withData("waiting", now).withData("max", max);
            if (parked != null) {
                response.withData("parked", parked.get());
            }
            return response.status(now <= max);
        });
    }

    /** The one number {@code sql} selects. */
    private long count(String sql) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
    }

    private interface Probe {
        HealthCheckResponseBuilder run(HealthCheckResponseBuilder response) throws Exception;
    }

    /** The check's answer: DOWN with the reason when asking fails. */
    private static HealthCheckResponse check(String name, Probe probe) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name);
        try {
            return probe.run(response).build();
        } catch (Exception | LinkageError failed) {
            return response.withData("error", String.valueOf(failed.getMessage())).down().build();
        }
    }
}
