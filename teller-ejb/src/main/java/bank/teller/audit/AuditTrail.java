package bank.teller.audit;

import bank.teller.platform.Jdbc;
import bank.teller.security.AppUser;
import bank.teller.security.Caller;
import bank.teller.security.CurrentUser;
import bank.teller.shared.StoredTime;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Writes the audit trail. A record is written in the caller's transaction, so it exists exactly
 * when what it describes was committed, with one insert and no lock: the chainer links it into
 * its actor's hash chain within a second of the commit ({@link AuditChainer}). What must be
 * recorded although the caller's work is rolled back (a refusal, a denial) goes through
 * {@link #recordSeparately}.
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

    @Inject
    private Jdbc jdbc;

    @Inject
    private CurrentUser currentUser;

    private final Clock clock = Clock.systemUTC();

    /** Records what the caller did, in the caller's transaction. */
    public void record(String action, String subject, String detail, String result) {
        String actor = context.getCallerPrincipal().getName();
        Caller known = currentUser.fromRequest();
        AppUser user = known == null ? em.find(AppUser.class, actor) : null;
        String branchCode = known != null ? known.branchCode() : user == null ? null : user.branchCode();
        append(event(actor, String.join(",", currentUser.roles()), branchCode, action, subject, detail, result));
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

    private AuditEvent event(String actor, String roles, String branchCode, String action, String subject,
                             String detail, String result) {
        return new AuditEvent(StoredTime.now(clock), cut(actor, 40), cut(roles == null ? "" : roles, 120), branchCode,
                terminalAddress(), cut(action, 40), cut(subject, 100), cut(detail, MAX_DETAIL), cut(result, 60));
    }

    /**
     * One insert, with no JPA unit of work to flush it (every posting writes one: issue 14), sent
     * with the posting's other writes inside {@link Jdbc#together}.
     */
    private void append(AuditEvent event) {
        jdbc.write(AuditRecord.INSERT, AuditRecord.row(jdbc.nextId(AuditRecord.class), event));
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
