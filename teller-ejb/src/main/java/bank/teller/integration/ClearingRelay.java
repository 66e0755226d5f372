package bank.teller.integration;

import bank.teller.payment.domain.ClearingOutbox;
import bank.teller.payment.domain.Wire;
import bank.teller.platform.Jdbc;
import bank.teller.shared.BeanTransactions;
import bank.teller.shared.NextRun;
import bank.teller.shared.RepeatedFailures;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends the clearing system the wires of the clearing outbox, a second after each run, oldest first,
 * each in a transaction of its own that sends its message and removes its row together (so each is
 * sent once; the clearing system also finds its messageId unique). A wire that cannot be sent stays,
 * its failures counted on its row, and is tried again at the next run; an outage is reported once
 * ({@link RepeatedFailures}), not every second.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class ClearingRelay {

    static final int BATCH = 100;
    static final long PERIOD_MILLIS = 1000;
    private static final String RUN = "clearing relay";
    private static final Logger LOG = Logger.getLogger(ClearingRelay.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private ClearingPublisher publisher;
    @Inject
    private Jdbc jdbc;
    @Resource
    private UserTransaction tx;
    @Resource
    private TimerService timers;

    private final Clock clock = Clock.systemUTC();
    private final RepeatedFailures failures = new RepeatedFailures(RUN, clock);
    private final NextRun nextRun = new NextRun(RUN, PERIOD_MILLIS, clock);

    @PostConstruct
    void start() {
        nextRun.time(timers);
    }

    @Timeout
    void relay() {
        nextRun.run(timers, this::sendPending);
    }

    @AccessTimeout(-1)
    @Schedule(hour = "*", minute = "*", persistent = false, info = "clearing relay watch")
    void watch() {
        nextRun.watch(timers);
    }

    /** Sends what is pending, batch after batch while they come full; returns how many were sent. */
    public int sendPending() {
        int sent = 0;
        List<Long> pending;
        do {
            try {
                pending = BeanTransactions.inTransaction(tx, () -> em.createQuery(
                        "SELECT o.wireId FROM ClearingOutbox o ORDER BY o.createdAt, o.wireId", Long.class)
                        .setMaxResults(BATCH).getResultList());
            } catch (Exception e) {
                report(e);
                return sent;
            }
            int before = sent;
            for (Long wireId : pending) {
                try {
                    sent += BeanTransactions.inTransaction(tx, () -> send(wireId));
                    failures.succeeded().ifPresent(LOG::info);
                } catch (Exception e) {
                    countFailure(wireId, report(e));
                }
            }
            if (sent == before) {
                return sent; // nothing went through: the rest waits for the next run
            }
        } while (pending.size() == BATCH);
        return sent;
    }

    /** Sends the wire and removes its row, if another server has not done so meanwhile. */
    private int send(long wireId) {
        ClearingOutbox row = em.find(ClearingOutbox.class, wireId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return 0;
        }
        Wire wire = em.find(Wire.class, wireId);
        String payerName = jdbc.query("SELECT c.name FROM account a JOIN customer c ON c.id = a.customer_id "
                + "WHERE a.account_number = ?", r -> r.getString(1), wire.payerAccount()).get(0);
        publisher.publish(wire, payerName, clock.instant());
        em.remove(row);
        return 1;
    }

    private void countFailure(long wireId, String reason) {
        try {
            BeanTransactions.inTransaction(tx, () -> {
                ClearingOutbox row = em.find(ClearingOutbox.class, wireId, LockModeType.PESSIMISTIC_WRITE);
                if (row != null) {
                    row.failed(reason);
                }
                return null;
            });
        } catch (Exception e) {
            report(e);
        }
    }

    private String report(Exception failure) {
        String reason = RepeatedFailures.reason(failure);
        failures.failed(reason).ifPresent(LOG::warning);
        return reason;
    }
}
