package bank.teller.integration;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Secrets;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The broker accounts of other bank systems (JMS 账户), managed like API keys: an administrator
 * issues one for a system (a channel with its queues on the broker, or the core), the password is
 * shown once and only its SHA-256 kept; revoking it refuses the next sign-in and closes the
 * system's open connections. What an account may do on the broker follows from its system
 * (wildfly-config teller.cli, table view jms_account_role). Issuing and revoking are audited.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class JmsAccounts {

    /** The broker's management resource (WildFly's model over JMX) that can close a user's connections. */
    private static final String BROKER = "jboss.as:subsystem=messaging-activemq,server=default";
    /**
     * When the connections of a revoked account are closed a second time: after the broker has
     * forgotten the sign-ins it remembered (security-invalidation-interval, one second), so that a
     * connection made with the account in that second does not stay open either.
     */
    static final long CLOSE_AGAIN_MILLIS = 2_500;

    /** The account, with its password, shown this once. */
    public record IssuedAccount(String username, String password, String system) {
    }

    /** An account as an administrator sees it (never the password). */
    public record AccountView(String username, String system, String description, boolean enabled,
                              Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Resource
    private TimerService timers;

    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    public IssuedAccount issue(String system, String description) {
        if (!Channels.isSystem(system)) {
            throw new TellerException(ErrorCode.JMS_SYSTEM_UNKNOWN, String.valueOf(system));
        }
        String what = Text.required("description", description, 100);
        String username = "jms-" + system + "-" + Secrets.random(3);
        String password = Secrets.random(32);
        em.persist(new JmsAccount(username, system, Secrets.sha256(password), what, StoredTime.now(clock),
                context.getCallerPrincipal().getName()));
        audit.record("JMS_ACCOUNT_ISSUED", username, "system " + system + ": " + what, AuditEvent.SUCCESS);
        return new IssuedAccount(username, password, system);
    }

    /**
     * Revokes the account (its next sign-in is refused) and closes the connections it has open, in
     * a transaction of its own that commits first: a connection closed before the revocation
     * committed could sign in again at once.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AccountView revoke(String username) {
        AccountView revoked = context.getBusinessObject(JmsAccounts.class).markRevoked(username);
        closeConnections(username);
        timers.createSingleActionTimer(CLOSE_AGAIN_MILLIS, new TimerConfig(username, false));
        return revoked;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AccountView markRevoked(String username) {
        JmsAccount account = username == null ? null : em.find(JmsAccount.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new TellerException(ErrorCode.JMS_ACCOUNT_NOT_FOUND, String.valueOf(username));
        }
        if (account.revoke(StoredTime.now(clock), context.getCallerPrincipal().getName())) {
            audit.record("JMS_ACCOUNT_REVOKED", username, "system " + account.view().system(), AuditEvent.SUCCESS);
        }
        return account.view();
    }

    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AccountView> list() {
        return em.createQuery("SELECT a FROM JmsAccount a ORDER BY a.createdAt, a.username", JmsAccount.class)
                .getResultStream().map(JmsAccount::view).toList();
    }

    @Timeout
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void closeAgain(Timer timer) {
        closeConnections((String) timer.getInfo());
    }

    private static void closeConnections(String username) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(BROKER), "closeConnectionsForUser",
                    new Object[]{username}, new String[]{String.class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("cannot close the broker connections of " + username, e);
        }
    }
}
