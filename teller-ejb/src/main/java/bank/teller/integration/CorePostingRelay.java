package bank.teller.integration;

import bank.teller.ledger.domain.JournalEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the core system the messages of committed journal entries from the outbox
 * ({@code core_outbox}, written in each posting's transaction), every second, up to 500 at a time
 * in one transaction: the messages are sent and their rows removed together, so each is sent once
 * (the core also finds its messageId unique). Should the broker be unavailable, the rows wait.
 */
@Singleton
@PermitAll
public class CorePostingRelay {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(CorePostingRelay.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private CorePostingPublisher publisher;
    @Resource
    private EJBContext context;

    private volatile boolean failing;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "core postings relay")
    void relay() {
        try {
            sendPending();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not every second
                LOG.log(Level.WARNING, "core postings wait in the outbox: cannot send them now", e);
            }
            failing = true;
            context.setRollbackOnly(); // nothing sent, nothing removed: tried again in a second
        }
    }

    /** Sends up to {@link #BATCH} pending messages, oldest entry first; returns how many. */
    public int sendPending() {
        // locked, so that two servers never send the same rows (the singleton's lock keeps one relay per server)
        List<Long> pending = em.createQuery("SELECT o.entryId FROM CoreOutbox o ORDER BY o.entryId", Long.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(BATCH).getResultList();
        for (Long entryId : pending) {
            publisher.publish(em.find(JournalEntry.class, entryId));
        }
        if (!pending.isEmpty()) {
            em.createQuery("DELETE FROM CoreOutbox o WHERE o.entryId IN :ids").setParameter("ids", pending).executeUpdate();
        }
        return pending.size();
    }
}
