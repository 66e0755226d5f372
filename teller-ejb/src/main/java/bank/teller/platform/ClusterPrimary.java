package bank.teller.platform;

import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Whether this server does the background work that one server at a time must do — the outbox relays,
 * the folders, the audit chainer and the daily seal, the end-of-day schedule. A single server always
 * does. A node of a cluster ({@code -Dteller.cluster=true}, ops/nodes) does while WildFly's singleton
 * service runs Teller's primary deployment on it ({@code teller-primary.war}, which binds
 * {@value #BINDING} while it runs): on one node at a time, handed to another node when that one stops
 * or dies. The work stays safe should two nodes ever overlap for a moment (a row lock keeps each outbox
 * row to one sender, end of day's start is serialized in the database); this keeps it on one node.
 */
public final class ClusterPrimary {

    static final String BINDING = "java:global/teller/primary";
    static final String CLUSTER = "teller.cluster";
    private static final Logger LOG = Logger.getLogger(ClusterPrimary.class.getName());
    /** What the last question found, to log a change once. */
    private static final AtomicReference<Boolean> LAST = new AtomicReference<>();

    private ClusterPrimary() {
    }

    /** Whether this server is the one to do the background work now. */
    public static boolean here() {
        if (!Boolean.getBoolean(CLUSTER)) {
            return true;
        }
        boolean primary;
        try {
            new InitialContext().lookup(BINDING);
            primary = true;
        } catch (NamingException notThePrimary) {
            primary = false;
        }
        Boolean before = LAST.getAndSet(primary);
        if (before == null || before != primary) {
            LOG.info(primary ? "this node is the primary: it does the background work (relays, folders, audit chain, end-of-day schedule)"
                    : "this node is not the primary: another node does the background work");
        }
        return primary;
    }
}
