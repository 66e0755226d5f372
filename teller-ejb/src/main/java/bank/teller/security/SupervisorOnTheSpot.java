package bank.teller.security;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * 现场授权: a supervisor signs in on the screen of the teller who waits for them. The same factors
 * as a sign-in (password and dynamic code, {@link CredentialCheck}); a failure counts toward that
 * supervisor's lockout; a locked, disabled, expired, must-change or unenrolled supervisor, or one
 * who is no supervisor, gets the same answer as wrong credentials. Every attempt is audited on the
 * teller's chain, naming the supervisor tried; a teller whose attempts keep failing must wait
 * longer and longer before the next ({@link AppUser#onTheSpotWait}).
 *
 * <p>In a transaction of its own: the counts and the audit record of a refusal stay though the
 * caller's transaction is then rolled back by the refusal.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class SupervisorOnTheSpot {

    private static final CredentialCheck CREDENTIALS = new CredentialCheck();
    static final String ACTION = "APPROVAL_ON_THE_SPOT";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /**
     * The answer: the supervisor who passed, or how long the caller must wait, or neither.
     * Returned rather than thrown, so that this transaction commits what a refusal counted.
     */
    public record Answer(String supervisor, long waitSeconds) {
        /** The supervisor; refuses with ON_THE_SPOT_THROTTLED or APPROVER_INVALID when there is none. */
        public String approver() {
            if (supervisor != null) {
                return supervisor;
            }
            throw waitSeconds > 0 ? new TellerException(ErrorCode.ON_THE_SPOT_THROTTLED, waitSeconds)
                    : new TellerException(ErrorCode.APPROVER_INVALID);
        }
    }

    /**
     * Checks the supervisor's credentials, unless the caller must wait first: then they are not
     * tried at all.
     *
     * @param subject what the supervisor would approve, for the audit record
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Answer verify(String subject, String supervisor, String password, String code) {
        Instant now = StoredTime.now(clock);
        String name = supervisor == null ? "" : supervisor.strip();
        String tried = "supervisor " + Text.abbreviated(name, 40);
        Map<String, AppUser> locked = lockInNameOrder(context.getCallerPrincipal().getName(), name);
        AppUser maker = locked.get(context.getCallerPrincipal().getName());
        Duration wait = maker.onTheSpotWait(now);
        if (!wait.isZero()) {
            audit.record(ACTION, subject, tried, AuditEvent.refused(ErrorCode.ON_THE_SPOT_THROTTLED.name()));
            return new Answer(null, Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        AppUser checker = locked.get(name);
        SecuritySettings settings = SecuritySettings.current();
        CredentialCheck.Outcome outcome = CREDENTIALS.check(checker, password, code, now, settings);
        String refusal = outcome.verdict() != CredentialCheck.Verdict.PASSED ? outcome.verdict().name()
                : checker.mustChangePassword(now, settings.passwordMaxAge()) ? "CHANGE_PASSWORD"
                : !checker.hasToken() ? "ENROL_TOKEN"
                : !Roles.held(em, checker.username()).contains(Roles.SUPERVISOR) ? "NOT_SUPERVISOR"
                : null;
        if (refusal == null) {
            checker.signedIn();
            maker.onTheSpotPassed();
            audit.record(ACTION, subject, tried, AuditEvent.SUCCESS);
            return new Answer(checker.username(), 0);
        }
        maker.onTheSpotFailed(now);
        audit.record(ACTION, subject, outcome.nowLocked() ? tried + ", now locked until " + checker.lockedUntil() : tried,
                AuditEvent.refused(refusal));
        return new Answer(null, 0);
    }

    /** Both rows, locked in the order of their names, so that two such checks never wait for each other in a circle. */
    private Map<String, AppUser> lockInNameOrder(String maker, String supervisor) {
        Map<String, AppUser> users = new TreeMap<>();
        users.put(maker, null);
        if (!supervisor.isEmpty() && supervisor.length() <= 40) {
            users.put(supervisor, null);
        }
        users.replaceAll((name, none) -> em.find(AppUser.class, name, LockModeType.PESSIMISTIC_WRITE));
        return users;
    }
}
