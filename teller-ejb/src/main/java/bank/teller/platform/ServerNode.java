package bank.teller.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * This server as the others see it, in the database every server shares: its name ({@code
 * jboss.node.name}; one name, "teller", for a single server), a random id for this start of it (a node
 * killed and started again is a new incarnation) and a heartbeat every few seconds. A batch execution
 * records the incarnation that runs it ({@link #runs}), so that another node can tell a run that goes on
 * elsewhere from one whose server died with it ({@link #runsElsewhere}) — JBeret's repository says
 * STARTED for both.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ServerNode {

    static final Duration BEAT = Duration.ofSeconds(5);
    /** A node silent this long is gone (six beats missed). */
    static final Duration GONE_AFTER = BEAT.multipliedBy(6);

    private final String name = System.getProperty("jboss.node.name", "teller");
    private final String incarnation = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();

    @Inject
    private Jdbc jdbc;
    @EJB
    private Database database;

    @PostConstruct
    void started() {
        beat();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "server node heartbeat")
    public void beat() {
        long now = clock.millis();
        if (jdbc.update("UPDATE server_node SET incarnation = ?, seen_millis = ? WHERE name = ?", incarnation, now, name) == 0) {
            jdbc.update("INSERT INTO server_node (name, incarnation, seen_millis) VALUES (?, ?, ?)", name, incarnation, now);
        }
    }

    /** This server's name among the nodes. */
    public String name() {
        return name;
    }

    /**
     * Records that this start of this server runs batch execution {@code executionId}. Said twice of a
     * run at once (by its start, and by its job listener on the job's thread): an upsert, the same row.
     */
    public void runs(long executionId) {
        jdbc.update(database.isPostgres()
                ? "INSERT INTO batch_run_node (execution_id, node, incarnation) VALUES (?, ?, ?) ON CONFLICT (execution_id) "
                        + "DO UPDATE SET node = EXCLUDED.node, incarnation = EXCLUDED.incarnation"
                : "MERGE INTO batch_run_node (execution_id, node, incarnation) KEY (execution_id) VALUES (?, ?, ?)",
                executionId, name, incarnation);
    }

    /**
     * Whether another node runs batch execution {@code executionId} now: the node that took it is not
     * this one, has not been started again since, and was heard of within {@link #GONE_AFTER}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean runsElsewhere(long executionId) {
        List<Boolean> alive = jdbc.query("SELECT r.node, r.incarnation, s.incarnation, s.seen_millis FROM batch_run_node r "
                        + "LEFT JOIN server_node s ON s.name = r.node WHERE r.execution_id = ?",
                row -> !name.equals(row.getString(1)) && row.getString(1) != null && row.getString(2).equals(row.getString(3))
                        && clock.millis() - row.getLong(4) < GONE_AFTER.toMillis(), executionId);
        return !alive.isEmpty() && alive.get(0);
    }
}
