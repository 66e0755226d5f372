package bank.teller.security;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.platform.Branches;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Users, for an administrator: create one (with a temporary password, changed at the first
 * sign-in, where the token is enrolled too), reset a password or a token, unlock, grant and revoke
 * roles, disable. An administrator never changes their own roles.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Users {

    @EJB
    private AuditTrail audit;

    /** The roles a person can hold (CHANNEL is a system's). */
    public static final Set<String> ROLES = Set.of(Roles.TELLER, Roles.SENIOR_TELLER, Roles.SUPERVISOR,
            Roles.BRANCH_MANAGER, Roles.ADMIN, Roles.AUDITOR);
    private static final String TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user as an administrator sees one. */
    public record UserView(String username, String displayName, String branchCode, String tillCode, boolean enabled,
                           boolean locked, boolean tokenEnrolled, boolean mustChangePassword, Set<String> roles) {
    }

    /** A user's temporary password, handed over once (in person, sealed) and changed at the first sign-in. */
    public record TemporaryPassword(String username, String temporaryPassword) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;
    @Inject
    private Branches branches;

    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    public List<UserView> list() {
        return em.createQuery("SELECT u FROM AppUser u ORDER BY u.username", AppUser.class).getResultList().stream()
                .map(this::view).toList();
    }

    public TemporaryPassword create(String username, String displayName, String branchCode, String tillCode,
                                    Set<String> roles) {
        if (username == null || !username.matches("[a-z][a-z0-9_.-]{2,39}")) {
            throw new TellerException(ErrorCode.USERNAME_INVALID);
        }
        if (em.find(AppUser.class, username) != null) {
            throw new TellerException(ErrorCode.USER_EXISTS, username);
        }
        String branch = Text.required("branchCode", branchCode, 4);
        if (!branches.exists(branch)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "branchCode", branch);
        }
        if (tillCode != null && !tillCode.isBlank() && !tillCode.matches("[0-9A-Z]{3}")) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "tillCode", tillCode);
        }
        Set<String> granted = checkedRoles(roles);
        String temporary = temporaryPassword();
        Instant now = StoredTime.now(clock);
        String hash = BCrypt.hashpw(temporary, BCrypt.gensalt(12));
        AppUser user = new AppUser(username, hash, Text.required("displayName", displayName, 60), branch, now);
        user.resetPassword(hash, now); // temporary: to be changed at the first sign-in
        if (tillCode != null && !tillCode.isBlank()) {
            user.assignTill(tillCode);
        }
        em.persist(user);
        em.flush();
        granted.forEach(role -> grant(username, role));
        audit.record("USER_CREATED", username, "after: " + view(user), AuditEvent.SUCCESS);
        return new TemporaryPassword(username, temporary);
    }

    public TemporaryPassword resetPassword(String username) {
        AppUser user = user(username);
        String temporary = temporaryPassword();
        user.resetPassword(BCrypt.hashpw(temporary, BCrypt.gensalt(12)), StoredTime.now(clock));
        user.unlock();
        audit.record("USER_PASSWORD_RESET", username, null, AuditEvent.SUCCESS);
        return new TemporaryPassword(username, temporary);
    }

    /** The user's token is gone (lost, replaced): a new one is enrolled at the next sign-in. */
    public UserView resetToken(String username) {
        AppUser user = user(username);
        user.resetToken();
        audit.record("USER_TOKEN_RESET", username, null, AuditEvent.SUCCESS);
        return view(user);
    }

    public UserView unlock(String username) {
        AppUser user = user(username);
        String before = "locked until " + user.lockedUntil();
        user.unlock();
        audit.record("USER_UNLOCKED", username, before, AuditEvent.SUCCESS);
        return view(user);
    }

    public UserView disable(String username) {
        notMyself(username);
        AppUser user = user(username);
        user.disable();
        audit.record("USER_DISABLED", username, null, AuditEvent.SUCCESS);
        return view(user);
    }

    /** The user's roles become {@code roles}: never the administrator's own. */
    public UserView setRoles(String username, Set<String> roles) {
        notMyself(username);
        AppUser user = user(username);
        Set<String> wanted = checkedRoles(roles);
        Set<String> before = view(user).roles();
        em.createNativeQuery("DELETE FROM app_user_role WHERE username = ?1").setParameter(1, username).executeUpdate();
        wanted.forEach(role -> grant(username, role));
        audit.record("USER_ROLES_CHANGED", username, "before: " + before + "; after: " + wanted, AuditEvent.SUCCESS);
        return view(user);
    }

    private void notMyself(String username) {
        if (context.getCallerPrincipal().getName().equals(username)) {
            throw new TellerException(ErrorCode.ROLE_SELF_GRANT);
        }
    }

    private Set<String> checkedRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new TellerException(ErrorCode.ROLE_INVALID, "");
        }
        for (String role : roles) {
            if (role == null || !ROLES.contains(role)) {
                throw new TellerException(ErrorCode.ROLE_INVALID, String.valueOf(role));
            }
        }
        return Roles.withImplied(roles);
    }

    private void grant(String username, String role) {
        em.createNativeQuery("INSERT INTO app_user_role (username, role_name) VALUES (?1, ?2)")
                .setParameter(1, username).setParameter(2, role).executeUpdate();
    }

    private AppUser user(String username) {
        AppUser user = username == null ? null : em.find(AppUser.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new TellerException(ErrorCode.USER_NOT_FOUND, username);
        }
        return user;
    }

    private UserView view(AppUser user) {
        Set<String> roles = Roles.held(em, user.username());
        return new UserView(user.username(), user.displayName(), user.branchCode(), user.tillCode(), user.enabled(),
                user.isLocked(StoredTime.now(clock)), user.hasToken(),
                user.mustChangePassword(StoredTime.now(clock), SecuritySettings.current().passwordMaxAge()), roles);
    }

    /** 16 characters with letters, digits and a symbol: passes the policy, and is never typed twice. */
    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.append(RANDOM.nextInt(10)).append('#').toString();
    }
}
