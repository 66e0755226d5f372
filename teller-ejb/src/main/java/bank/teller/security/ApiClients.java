package bank.teller.security;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;

/**
 * API keys for other systems. An administrator issues a key for a new system user holding the
 * roles the system is granted (CHANNEL: transfers and inquiries; AUDITOR: reading); the key is
 * {@code tk_<key id>_<secret>}, shown once, and only the SHA-256 of its secret is stored. A system
 * user can never sign in with a password.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ApiClients {

    /** The roles a system may be granted. */
    public static final Set<String> GRANTABLE = Set.of(Roles.CHANNEL, Roles.AUDITOR);
    private static final String PREFIX = "tk_";

    /** The key, shown this once. */
    public record IssuedKey(String keyId, String username, String apiKey) {
    }

    /** A key as an administrator sees it (never its secret): the system user, its roles, whether it still opens. */
    public record ClientView(String keyId, String username, String description, Set<String> roles, boolean enabled,
                             Instant createdAt, String createdBy) {
    }

    /** Who a valid key stands for. */
    public record Caller(String username, Set<String> roles) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    public IssuedKey issue(String system, String description, Set<String> roles) {
        if (system == null || !system.matches("[a-z][a-z0-9-]{2,30}")) {
            throw new TellerException(ErrorCode.USERNAME_INVALID);
        }
        String username = "api-" + system;
        if (em.find(AppUser.class, username) != null) {
            throw new TellerException(ErrorCode.USER_EXISTS, username);
        }
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(role -> role == null || !GRANTABLE.contains(role))) {
            throw new TellerException(ErrorCode.ROLE_INVALID, String.valueOf(roles));
        }
        return issue(username, description, roles, "0000", null);
    }

    /**
     * A new system user {@code username} of the branch (and till, or null) holding {@code roles}, and its
     * key; for {@link #issue(String, String, Set)} and for a self-service terminal's registration.
     */
    public IssuedKey issue(String username, String description, Set<String> roles, String branchCode, String tillCode) {
        String what = Text.required("description", description, 100);
        Instant now = StoredTime.now(clock);
        // a password nobody knows: the realm needs a hash, and sign-in refuses system users anyway
        AppUser user = new AppUser(username, BCrypt.hashpw(Secrets.random(32), BCrypt.gensalt(10)), what, branchCode, now);
        user.markSystem();
        if (tillCode != null) {
            user.assignTill(tillCode);
        }
        em.persist(user);
        em.flush();
        for (String role : roles) {
            em.createNativeQuery("INSERT INTO app_user_role (username, role_name) VALUES (?1, ?2)")
                    .setParameter(1, username).setParameter(2, role).executeUpdate();
        }
        String keyId = Secrets.random(6);
        String secret = Secrets.random(32);
        em.persist(new ApiClient(keyId, Secrets.sha256(secret), username, what, now, context.getCallerPrincipal().getName()));
        audit.record("API_KEY_ISSUED", username, "key " + keyId + " roles " + roles, AuditEvent.SUCCESS);
        return new IssuedKey(keyId, username, PREFIX + keyId + "_" + secret);
    }

    /** Every key issued, newest first (terminals' keys among them). */
    public List<ClientView> list() {
        return em.createQuery("SELECT c FROM ApiClient c ORDER BY c.createdAt DESC, c.id DESC", ApiClient.class)
                .getResultStream().map(c -> new ClientView(c.keyId(), c.username(), c.description(),
                        Roles.held(em, c.username()), c.enabled(), c.createdAt(), c.createdBy())).toList();
    }

    public void revoke(String keyId) {
        ApiClient client = em.createQuery("SELECT c FROM ApiClient c WHERE c.keyId = :id", ApiClient.class)
                .setParameter("id", keyId).getResultStream().findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.USER_NOT_FOUND, keyId));
        client.revoke();
        audit.record("API_KEY_REVOKED", keyId, null, AuditEvent.SUCCESS);
    }

    /** The system a key stands for, if the key is one of ours, enabled, and its user too. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Optional<Caller> authenticate(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(PREFIX) || apiKey.length() > 100) {
            return Optional.empty();
        }
        String[] parts = apiKey.substring(PREFIX.length()).split("_", 2);
        if (parts.length != 2) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT c.key_hash, c.username FROM api_client c JOIN app_user u "
                        + "ON u.username = c.username WHERE c.key_id = ?1 AND c.enabled = TRUE AND u.enabled = TRUE")
                .setParameter(1, parts[0]).getResultList();
        if (rows.isEmpty() || !MessageDigest.isEqual(((String) rows.get(0)[0]).getBytes(StandardCharsets.US_ASCII),
                Secrets.sha256(parts[1]).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String username = (String) rows.get(0)[1];
        return Optional.of(new Caller(username, Roles.held(em, username)));
    }
}
