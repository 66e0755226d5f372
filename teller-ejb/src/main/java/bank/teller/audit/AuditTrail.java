package bank.teller.audit;

import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.shared.StoredTime;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;

/**
 * Writes the audit trail. A record joins the chain of its actor: the chain's head row is locked,
 * the record links to the head's hash, and the head moves on, all in the caller's transaction, so
 * a record exists exactly when what it describes was committed. What must be recorded although
 * the caller's work is rolled back (a refusal, a denial) goes through {@link #recordSeparately}.
 */
@Stateless
@PermitAll
public class AuditTrail {

    /** Actor of what nobody signed in did (a failed sign-in of an unknown user, say). */
    public static final String ANONYMOUS = "(anonymous)";
    private static final int MAX_DETAIL = 2000;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Terminal terminal;

    @EJB
    private CurrentUser currentUser;

    private final Clock clock = Clock.systemUTC();

    /** Records what the caller did, in the caller's transaction. */
    public void record(String action, String subject, String detail, String result) {
        String actor = context.getCallerPrincipal().getName();
        AppUser user = em.find(AppUser.class, actor);
        append(event(actor, String.join(",", currentUser.roles()), user == null ? null : user.branchCode(), action, subject, detail, result));
    }

    /** Records what the caller did, in a transaction of its own (it stays when the caller's work is rolled back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSeparately(String action, String subject, String detail, String result) {
        record(action, subject, detail, result);
    }

    /** Records what {@code actor} did before the container knows them (signing in), in the caller's transaction. */
    public void recordFor(String actor, String roles, String branchCode, String action, String subject, String detail,
                          String result) {
        append(event(actor == null ? ANONYMOUS : actor, roles, branchCode, action, subject, detail, result));
    }

    /** {@link #recordFor} in a transaction of its own: sessions ending, seen by no one's transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordForSeparately(String actor, String roles, String branchCode, String action, String subject,
                                    String detail, String result) {
        recordFor(actor, roles, branchCode, action, subject, detail, result);
    }

    /** Creates an actor's chain, committed at once; when another record created it first, that one stays. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createChain(String chain) {
        try {
            em.createNativeQuery("INSERT INTO audit_chain (chain, last_seq, last_hash) VALUES (?1, 0, ?2)")
                    .setParameter(1, chain).setParameter(2, AuditChain.GENESIS).executeUpdate();
        } catch (PersistenceException createdByAnotherRecord) {
            context.setRollbackOnly();
        }
    }

    private AuditEvent event(String actor, String roles, String branchCode, String action, String subject,
                             String detail, String result) {
        return new AuditEvent(StoredTime.now(clock), cut(actor, 40), cut(roles == null ? "" : roles, 120), branchCode,
                terminalAddress(), cut(action, 40), cut(subject, 100), cut(detail, MAX_DETAIL), cut(result, 60));
    }

    private void append(AuditEvent event) {
        String chain = event.actor();
        List<?> head = lockHead(chain);
        if (head.isEmpty()) {
            context.getBusinessObject(AuditTrail.class).createChain(chain);
            head = lockHead(chain);
        }
        Object[] row = (Object[]) head.get(0);
        long seq = ((Number) row[0]).longValue() + 1;
        AuditRecord record = new AuditRecord(event, seq, (String) row[1]);
        em.persist(record);
        em.createNativeQuery("UPDATE audit_chain SET last_seq = ?1, last_hash = ?2 WHERE chain = ?3")
                .setParameter(1, seq).setParameter(2, record.hash()).setParameter(3, chain).executeUpdate();
    }

    private List<?> lockHead(String chain) {
        return em.createNativeQuery("SELECT last_seq, last_hash FROM audit_chain WHERE chain = ?1 FOR UPDATE")
                .setParameter(1, chain).getResultList();
    }

    private String terminalAddress() {
        try {
            return terminal.address();
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }

    /**
     * At most {@code max} characters, NUL shown as U+2400 (␀): PostgreSQL text cannot hold NUL, and
     * what a caller sent must still be recorded (found by BadInputIT: a dead letter's body).
     */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String storable = text.replace('\u0000', '\u2400');
        return storable.length() <= max ? storable : storable.substring(0, max);
    }
}
