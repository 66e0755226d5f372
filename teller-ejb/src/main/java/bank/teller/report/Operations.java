package bank.teller.report;

import bank.teller.integration.DeadLetters;
import bank.teller.platform.Metrics;
import bank.teller.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the supervisor's operations page (运行监控) shows: this server's metrics ({@link Metrics}), its
 * database pool as WildFly's management model has it (its JMX view: what {@code /prometheus} shows as
 * {@code datasources_pool_*}), and the queues' depths ({@link DeadLetters#depths}).
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Operations {

    /** The datasources Teller may run on; the one enabled has a pool. */
    static final List<String> DATASOURCES = List.of("TellerPostgresDS", "TellerH2DS");

    /** A datasource's pool: connections in use, idle and at most in use so far, and callers that waited for one. */
    public record Pool(String datasource, long inUse, long idle, long maxUsed, long waited) {
    }

    public record View(Metrics.Snapshot metrics, List<Pool> pools, List<DeadLetters.QueueDepth> queues) {
    }

    @Inject
    private Metrics metrics;
    @EJB
    private DeadLetters deadLetters;

    public View view() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<Pool> pools = new ArrayList<>();
        for (String datasource : DATASOURCES) {
            try {
                ObjectName pool = new ObjectName("jboss.as:subsystem=datasources,data-source=" + datasource + ",statistics=pool");
                if (Boolean.TRUE.equals(server.getAttribute(new ObjectName("jboss.as:subsystem=datasources,data-source="
                        + datasource), "enabled"))) {
                    pools.add(new Pool(datasource, number(server, pool, "InUseCount"), number(server, pool, "IdleCount"),
                            number(server, pool, "MaxUsedCount"), number(server, pool, "WaitCount")));
                }
            } catch (JMException | RuntimeException unknown) {
                // not on this server (another configuration): not shown
            }
        }
        return new View(metrics.snapshot(), pools, deadLetters.depths());
    }

    private static long number(MBeanServer server, ObjectName name, String attribute) throws JMException {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
