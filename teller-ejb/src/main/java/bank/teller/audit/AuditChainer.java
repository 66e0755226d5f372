package bank.teller.audit;

import bank.teller.shared.BeanTransactions;
import bank.teller.shared.NextRun;
import bank.teller.shared.Pdfs;
import bank.teller.shared.RepeatedFailures;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.DependsOn;
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

/**
 * Links the audit records into their actors' hash chains, a second after each run, oldest first, up
 * to {@value #BATCH} at a time: each record gets the next number of its chain and the hash over the
 * chain's last hash and its own content ({@link AuditChain}), and the chain's head row moves on. A
 * record is written by whoever acts with no lock at all ({@link AuditTrail}); only this chainer
 * takes a chain's head, so no two postings of one actor wait for each other on it. The verifier and
 * the seal run the chainer first, so they see every committed record linked.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditChainer {

    static final int BATCH = 1000;
    static final long PERIOD_MILLIS = 1000;
    private static final String RUN = "audit chainer";
    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

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
    void run() {
        nextRun.run(timers, this::chainPending);
    }

    @AccessTimeout(-1) // waits for a long run to end (a backlog drained), not 5 s and an error
    @Schedule(hour = "*", minute = "*", persistent = false, info = "audit chainer watch")
    void watch() {
        nextRun.watch(timers);
    }

    /** Links every record committed so far and not linked yet; returns how many it linked. */
    public int chainPending() {
        int linked = 0;
        try {
            int batch;
            do {
                batch = chainBatch();
                linked += batch;
            } while (batch == BATCH);
            failures.succeeded().ifPresent(LOG::info);
        } catch (Exception e) {
            failures.failed(RepeatedFailures.reason(e)).ifPresent(LOG::warning);
        }
        return linked;
    }

    private int chainBatch() throws Exception {
        return BeanTransactions.inTransaction(tx, () -> {
            List<Long> ids = em.createQuery("SELECT r.id FROM AuditRecord r WHERE r.chainSeq IS NULL ORDER BY r.id",
                    Long.class).setMaxResults(BATCH).getResultList();
            // locked, and read again: a record another server linked meanwhile is no longer found
            List<AuditRecord> records = ids.isEmpty() ? List.of() : em.createQuery(
                            "SELECT r FROM AuditRecord r WHERE r.id IN :ids AND r.chainSeq IS NULL ORDER BY r.id",
                            AuditRecord.class)
                    .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            Map<String, List<AuditRecord>> byChain = new LinkedHashMap<>();
            for (AuditRecord record : records) {
                byChain.computeIfAbsent(record.chain(), c -> new ArrayList<>()).add(record);
            }
            byChain.forEach(this::link);
            count(records);
            em.flush();
            return ids.size();
        });
    }

    /** Links {@code records} (oldest first) at the end of {@code chain}, its head row locked. */
    private void link(String chain, List<AuditRecord> records) {
        List<?> head = em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain WHERE chain = ?1 FOR UPDATE")
                .setParameter(1, chain).getResultList();
        long seq;
        String hash;
        if (head.isEmpty()) {
            em.createNativeQuery("INSERT INTO audit_chain (chain, last_seq, last_hash) VALUES (?1, 0, ?2)")
                    .setParameter(1, chain).setParameter(2, AuditChain.GENESIS).executeUpdate();
            seq = 0;
            hash = AuditChain.GENESIS;
        } else {
            Object[] row = (Object[]) head.get(0);
            seq = ((Number) row[0]).longValue();
            hash = (String) row[1];
        }
        for (AuditRecord record : records) {
            record.link(++seq, hash);
            hash = record.hash();
        }
        em.createNativeQuery("UPDATE audit_chain SET last_seq = ?1, last_hash = ?2 WHERE chain = ?3")
                .setParameter(1, seq).setParameter(2, hash).setParameter(3, chain).executeUpdate();
    }

    /**
     * Counts the linked records per day of the bank, action and outcome (SUCCESS, REFUSED, FAILED) for
     * the auditor's dashboard: each record is linked once, so it is counted once.
     */
    private void count(List<AuditRecord> records) {
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        for (AuditRecord record : records) {
            String result = record.result();
            String outcome = result.startsWith("REFUSED") ? "REFUSED" : result.startsWith("FAILED") ? "FAILED" : "SUCCESS";
            counts.merge(List.of(record.occurredAt().atZone(Pdfs.BANK_ZONE).toLocalDate(), record.action(), outcome), 1L,
                    Long::sum);
        }
        counts.forEach((key, n) -> {
            if (em.createNativeQuery("UPDATE audit_day_count SET records = records + ?1 WHERE occurred_on = ?2 AND action = ?3 "
                    + "AND outcome = ?4").setParameter(1, n).setParameter(2, key.get(0)).setParameter(3, key.get(1))
                    .setParameter(4, key.get(2)).executeUpdate() == 0) {
                em.createNativeQuery("INSERT INTO audit_day_count (occurred_on, action, outcome, records) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, key.get(0)).setParameter(2, key.get(1)).setParameter(3, key.get(2))
                        .setParameter(4, n).executeUpdate();
            }
        });
    }
}
