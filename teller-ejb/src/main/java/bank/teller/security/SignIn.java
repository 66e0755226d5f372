package bank.teller.security;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Jdbc;
import bank.teller.platform.Metrics;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Signing in with username, password and a TOTP code, and the steps a first sign-in (or an expired
 * or reset password, or a reset token) needs before the user is in: a new password, then a token.
 * A refusal never says which part was wrong, and counts toward the lockout whatever the reason.
 * Each call locks the user's row, so concurrent guesses all count and a code is accepted once.
 */
@Stateless
@PermitAll
public class SignIn {

    private static final CredentialCheck CREDENTIALS = new CredentialCheck();
    private static final int BCRYPT_ROUNDS = 12;
    private static final String SIGN_IN = "SIGN_IN";
    private static final SecureRandom SESSION_KEYS = new SecureRandom();

    public enum Outcome {
        /** The user is in: {@link Result#roles()} says as what. */
        SIGNED_IN,
        /** The password must be changed first ({@link #changePassword}). */
        CHANGE_PASSWORD,
        /** The user has no token yet: enrol one ({@link #startEnrolment}, {@link #confirmEnrolment}). */
        ENROL_TOKEN,
        /** Wrong username, password or code, a disabled or a locked user: never said which. */
        REFUSED
    }

    /**
     * The outcome; for the steps in between, the ticket that continues this sign-in; once signed in,
     * the key of the user's one session (the latest sign-in's, on whichever node: {@link #current}).
     */
    public record Result(Outcome outcome, String username, Set<String> roles, String ticket, String sessionKey) {
        static Result refused() {
            return new Result(Outcome.REFUSED, null, Set.of(), null, null);
        }

        static Result pending(Outcome step, String username, String ticket) {
            return new Result(step, username, Set.of(), ticket, null);
        }
    }

    /** A signed-in user as a request of their session finds them, and the key of their latest sign-in. */
    public record Current(Caller caller, String sessionKey) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private PendingSignIns pending;

    @EJB
    private AuditTrail audit;

    @Inject
    private Jdbc jdbc;

    @Inject
    private Metrics metrics;

    private final Clock clock = Clock.systemUTC();

    public Result signIn(String username, String password, String code) {
        Instant now = StoredTime.now(clock);
        SecuritySettings settings = SecuritySettings.current();
        AppUser user = username == null || username.isBlank() || username.length() > 40
                ? null : em.find(AppUser.class, username, LockModeType.PESSIMISTIC_WRITE);
        CredentialCheck.Outcome outcome = CREDENTIALS.check(user, password, code, now, settings);
        if (outcome.verdict() != CredentialCheck.Verdict.PASSED) {
            String why = outcome.verdict().name();
            metrics.signInRefused(why, outcome.nowLocked());
            if (user == null) {
                audit.recordFor(AuditTrail.ANONYMOUS, "", null, SIGN_IN, username, null, AuditEvent.refused(why));
            } else {
                record(user, AuditEvent.refused(why), outcome.nowLocked() ? "now locked until " + user.lockedUntil()
                        : outcome.verdict() == CredentialCheck.Verdict.LOCKED ? "locked until " + user.lockedUntil() : null);
            }
            return Result.refused();
        }
        user.signedIn();
        if (user.mustChangePassword(now, settings.passwordMaxAge())) {
            record(user, "PENDING:CHANGE_PASSWORD", null);
            return Result.pending(Outcome.CHANGE_PASSWORD, username, pending.issue(username));
        }
        if (!user.hasToken()) {
            record(user, "PENDING:ENROL_TOKEN", null);
            return Result.pending(Outcome.ENROL_TOKEN, username, pending.issue(username));
        }
        return signedIn(user);
    }

    /**
     * The new password of a sign-in that must change it: checked against the policy and the last
     * passwords. Then the user is in, or goes on to enrol a token.
     */
    public Result changePassword(String ticket, String newPassword) {
        AppUser user = pendingUser(ticket);
        SecuritySettings settings = SecuritySettings.current();
        new PasswordPolicy(settings.passwordMinLength()).check(newPassword, user.username());
        if (BCrypt.checkpw(newPassword, user.passwordHash()) || previousHashes(user, settings.passwordHistory()).stream()
                .anyMatch(hash -> BCrypt.checkpw(newPassword, hash))) {
            throw new TellerException(ErrorCode.PASSWORD_REUSED, settings.passwordHistory());
        }
        Instant now = StoredTime.now(clock);
        em.persist(new PasswordHistory(user.username(), user.passwordHash(), now));
        user.changePassword(BCrypt.hashpw(newPassword, BCrypt.gensalt(BCRYPT_ROUNDS)), now);
        audit.recordFor(user.username(), "", user.branchCode(), "PASSWORD_CHANGED", user.username(), null,
                AuditEvent.SUCCESS);
        if (!user.hasToken()) {
            return Result.pending(Outcome.ENROL_TOKEN, user.username(), ticket);
        }
        pending.finish(ticket);
        return signedIn(user);
    }

    /** A new secret for the user to scan; each call replaces the one before, so a secret is shown once. */
    public Enrolment startEnrolment(String ticket) {
        AppUser user = pendingUser(ticket);
        if (user.mustChangePassword(StoredTime.now(clock), SecuritySettings.current().passwordMaxAge())) {
            throw new TellerException(ErrorCode.PASSWORD_CHANGE_REQUIRED);
        }
        String secret = Totp.newSecret();
        user.startEnrolment(secret);
        return new Enrolment(user.username(), secret, Totp.uri(Enrolment.ISSUER, user.username(), secret));
    }

    /** The first code from the new token: it becomes the user's, and the user is in. */
    public Result confirmEnrolment(String ticket, String code) {
        AppUser user = pendingUser(ticket);
        OptionalLong step = Totp.verify(user.pendingSecret(), code, StoredTime.now(clock), user.totpLastStep());
        if (user.pendingSecret() == null || step.isEmpty()) {
            throw new TellerException(ErrorCode.TOTP_CODE_INVALID);
        }
        user.confirmEnrolment(step.getAsLong());
        audit.recordFor(user.username(), "", user.branchCode(), "TOKEN_ENROLLED", user.username(), null,
                AuditEvent.SUCCESS);
        pending.finish(ticket);
        return signedIn(user);
    }

    /**
     * The user as the check on every request of their session sees them — roles, branch and till,
     * and the key of their latest sign-in, in one statement: empty once the user is disabled (the
     * session then ends), changed roles apply at once, a session with another key was replaced.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Current> current(String username) {
        List<String[]> rows = jdbc.query("SELECT u.branch_code, u.till_code, r.role_name, u.session_key FROM app_user u "
                        + "JOIN app_user_role r ON r.username = u.username WHERE u.username = ? AND u.enabled = TRUE",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)}, username);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> roles = Roles.withImplied(rows.stream().map(row -> row[2]).toList());
        return Optional.of(new Current(new Caller(username, roles, rows.get(0)[0], rows.get(0)[1]), rows.get(0)[3]));
    }

    private Result signedIn(AppUser user) {
        Set<String> roles = Roles.held(em, user.username());
        audit.recordFor(user.username(), String.join(",", roles), user.branchCode(), SIGN_IN, user.username(), null,
                AuditEvent.SUCCESS);
        // the user's one session from now on, on every node: one they had before ends at its next request
        byte[] key = new byte[32];
        SESSION_KEYS.nextBytes(key);
        String sessionKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        jdbc.update("UPDATE app_user SET session_key = ? WHERE username = ?", sessionKey, user.username());
        return new Result(Outcome.SIGNED_IN, user.username(), roles, null, sessionKey);
    }

    private void record(AppUser user, String result, String detail) {
        audit.recordFor(user.username(), "", user.branchCode(), SIGN_IN, user.username(), detail, result);
    }

    private AppUser pendingUser(String ticket) {
        String username = pending.holder(ticket).orElseThrow(() -> new TellerException(ErrorCode.SIGN_IN_EXPIRED));
        AppUser user = em.find(AppUser.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.enabled()) {
            throw new TellerException(ErrorCode.SIGN_IN_EXPIRED);
        }
        return user;
    }

    private List<String> previousHashes(AppUser user, int howMany) {
        // the current password is one of the last howMany; the history holds the ones before it
        return em.createQuery("SELECT h.passwordHash FROM PasswordHistory h WHERE h.username = :user "
                        + "ORDER BY h.changedAt DESC, h.id DESC", String.class)
                .setParameter("user", user.username())
                .setMaxResults(Math.max(0, howMany - 1))
                .getResultList();
    }
}
