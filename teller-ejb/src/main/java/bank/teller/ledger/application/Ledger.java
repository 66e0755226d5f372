package bank.teller.ledger.application;

import bank.teller.integration.CoreOutbox;
import bank.teller.integration.CorePostingRelay;
import bank.teller.ledger.domain.JournalEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Posts balanced journal entries. Only ever called inside a use case's transaction (MANDATORY):
 * an entry, the balance change it explains and its place in the core system's outbox commit
 * together (the relay, {@link CorePostingRelay}, sends the message after the commit).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Ledger {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    public JournalEntry post(JournalEntry entry) {
        em.persist(entry);
        em.flush();
        em.persist(new CoreOutbox(entry.id(), entry.postedAt()));
        return entry;
    }

    public JournalEntry entry(long id) {
        return em.find(JournalEntry.class, id);
    }

    /** The entry that reversed entry {@code id} (冲正), or null. */
    public Long reversalOf(long id) {
        return em.createQuery("SELECT e.id FROM JournalEntry e WHERE e.reversesEntry = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }
}
