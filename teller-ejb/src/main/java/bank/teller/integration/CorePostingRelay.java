package bank.teller.integration;

import bank.teller.ledger.domain.JournalEntry;
import bank.teller.shared.BeanTransactions;
import bank.teller.shared.NextRun;
import bank.teller.shared.RepeatedFailures;
import bank.teller.shared.StoredTime;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends the core system the messages of committed journal entries from the outbox
 * ({@code core_outbox}, written in each posting's transaction), a second after each run, up to 500 at a time
 * in one transaction, batch after batch while they come full: the messages are sent and their rows
 * removed together, so each is sent once (the core also finds its messageId unique).
 *
 * <p>When that batch fails, the entries are sent one by one, each in its own transaction, so one
 * that cannot be sent does not hold up the rest; an entry that fails while others go through is
 * counted, and after {@link CoreOutbox#ATTEMPTS_BEFORE_PARKING} such failures set aside for a
 * supervisor ({@link ParkedPostings}). When nothing goes through (the broker is down) nothing is
 * counted: everything waits for the next run. The relay manages its transactions itself, so a
 * failure is its own to report — one line per distinct failure ({@link RepeatedFailures}), not the
 * container's stack trace every second.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class CorePostingRelay {

    static final int BATCH = 500;
    static final long PERIOD_MILLIS = 1000;
    /** Failures in a row, with nothing sent, after which a run gives up (an outage, not one bad entry). */
    static final int OUTAGE_AFTER = 5;
    private static final String RUN = "core postings relay";
    private static final Logger LOG = Logger.getLogger(CorePostingRelay.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private CorePostingPublisher publisher;
    @EJB
    private CoreAcknowledgements acknowledgements;
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

    @AccessTimeout(-1) // waits for a long run to end (a backlog drained), not 5 s and an error
    @Schedule(hour = "*", minute = "*", persistent = false, info = "core postings relay watch")
    void watch() {
        nextRun.watch(timers);
    }

    /**
     * Sends what is pending, oldest entry first, the parked ones aside, a batch after another until
     * one is not full (so the relay keeps up with any rate of postings, not one batch a second);
     * returns how many were sent.
     */
    public int sendPending() {
        int sent = 0;
        int batch;
        do {
            try {
                batch = BeanTransactions.inTransaction(tx, () -> send(lockedPending(pendingIds(BATCH))));
                failures.succeeded().ifPresent(LOG::info);
            } catch (Exception batchFailed) {
                return sent + oneByOne();
            }
            sent += batch;
        } while (batch == BATCH);
        return sent;
    }

    private int oneByOne() {
        List<Long> pending;
        try {
            pending = BeanTransactions.inTransaction(tx, () -> pendingIds(BATCH));
        } catch (Exception e) {
            report(e);
            return 0;
        }
        int sent = 0;
        Map<Long, String> failed = new LinkedHashMap<>();
        for (Long id : pending) {
            try {
                sent += BeanTransactions.inTransaction(tx, () -> send(lockedPending(List.of(id))));
            } catch (Exception e) {
                failed.put(id, report(e));
                if (sent == 0 && failed.size() >= OUTAGE_AFTER) {
                    return 0;
                }
            }
        }
        if (sent > 0) {
            failed.forEach(this::countFailure);
        }
        return sent;
    }

    private void countFailure(Long entryId, String reason) {
        try {
            boolean parked = BeanTransactions.inTransaction(tx, () -> {
                CoreOutbox row = em.find(CoreOutbox.class, entryId, LockModeType.PESSIMISTIC_WRITE);
                return row != null && row.failed(reason, clock.instant());
            });
            if (parked) {
                LOG.warning("core posting of entry " + entryId + " set aside after "
                        + CoreOutbox.ATTEMPTS_BEFORE_PARKING + " failed attempts: " + reason);
            }
        } catch (Exception e) {
            report(e);
        }
    }

    private String report(Exception failure) {
        String reason = RepeatedFailures.reason(failure);
        failures.failed(reason).ifPresent(LOG::warning);
        return reason;
    }

    private List<Long> pendingIds(int max) {
        return em.createQuery("SELECT o.entryId FROM CoreOutbox o WHERE o.parkedAt IS NULL ORDER BY o.entryId",
                Long.class).setMaxResults(max).getResultList();
    }

    /**
     * The pending rows of {@code ids} (from {@link #pendingIds}), locked so that two servers never
     * send the same ones: a lock on those rows alone, as a row lock with a row limit is not portable
     * SQL; a row another server removed meanwhile is no longer found.
     */
    private List<CoreOutbox> lockedPending(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT o FROM CoreOutbox o WHERE o.entryId IN :ids AND o.parkedAt IS NULL "
                        + "ORDER BY o.entryId", CoreOutbox.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Sends the entries of {@code rows}, read with their lines in one statement, and removes the rows. */
    private int send(List<CoreOutbox> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> ids = rows.stream().map(CoreOutbox::entryId).toList();
        List<JournalEntry> entries = em.createQuery("SELECT DISTINCT e FROM JournalEntry e LEFT JOIN FETCH e.lines "
                + "WHERE e.id IN :ids ORDER BY e.id", JournalEntry.class).setParameter("ids", ids).getResultList();
        if (entries.size() != ids.size()) {
            List<Long> missing = new ArrayList<>(ids);
            missing.removeAll(entries.stream().map(JournalEntry::id).toList());
            throw new IllegalStateException("journal entries " + missing + " not found");
        }
        publisher.publish(entries, rows.stream().filter(row -> row.traceId() != null)
                .collect(Collectors.toMap(CoreOutbox::entryId, CoreOutbox::traceId)));
        em.createQuery("DELETE FROM CoreOutbox o WHERE o.entryId IN :ids").setParameter("ids", ids).executeUpdate();
        acknowledgements.sent(ids, StoredTime.now(clock));
        return ids.size();
    }
}
