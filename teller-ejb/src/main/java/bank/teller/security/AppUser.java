package bank.teller.security;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A user of the counter. The password is only ever a bcrypt hash (modular crypt form); the second
 * factor is a TOTP secret, enrolled at the first sign-in and confirmed by a first code.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    private static final SecretConverter SECRETS = new SecretConverter();

    @Id
    @Column(name = "username", length = 40)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 60)
    private String displayName;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    /** The teller's cash drawer (尾箱); null for users who handle no cash and print no vouchers. */
    @Column(name = "till_code", length = 3)
    private String tillCode;

    /**
     * The TOTP secret as stored, encrypted ({@link SecretConverter}); decrypted only when a code is
     * checked, not every time the user is loaded (that is every posting: the caller's branch and till).
     */
    @Column(name = "totp_secret", length = 200)
    private String totpSecret;

    /** A secret shown for enrolment, active once a code from it has been entered; encrypted like the secret. */
    @Column(name = "totp_pending_secret", length = 200)
    private String totpPendingSecret;

    /** The last TOTP time step accepted: codes of this step or earlier are refused. */
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** Approvals on the spot this user asked for and a supervisor's credentials failed, in a row. */
    @Column(name = "on_the_spot_failures", nullable = false)
    private int onTheSpotFailures;

    @Column(name = "on_the_spot_last_failure")
    private Instant onTheSpotLastFailure;

    /** Another system's user (API key, message listener): never signs in with a password. */
    @Column(name = "system_caller", nullable = false)
    private boolean systemUser;

    static final int ON_THE_SPOT_FREE_FAILURES = 3;
    private static final Duration ON_THE_SPOT_FIRST_WAIT = Duration.ofSeconds(10);
    private static final Duration ON_THE_SPOT_MAX_WAIT = Duration.ofMinutes(5);
    private static final Duration ON_THE_SPOT_MEMORY = Duration.ofHours(1);

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, String branchCode, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.branchCode = branchCode;
        this.enabled = true;
        this.passwordChangedAt = now;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String branchCode() {
        return branchCode;
    }

    public boolean isSystemUser() {
        return systemUser;
    }

    void markSystem() {
        systemUser = true;
    }

    public boolean enabled() {
        return enabled;
    }

    public void disable() {
        enabled = false;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts a failed sign-in; the {@code max}-th in a row locks the user for {@code lockout}. Whether it did. */
    public boolean signInFailed(Instant now, int max, Duration lockout) {
        failedSignIns++;
        if (failedSignIns >= max) {
            lockedUntil = now.plus(lockout);
            failedSignIns = 0;
            return true;
        }
        return false;
    }

    public void signedIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public void unlock() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    /** Whether the password must be changed before anything else: first sign-in, a reset, or older than {@code maxAge}. */
    public boolean mustChangePassword(Instant now, Duration maxAge) {
        return mustChangePassword || !now.isBefore(passwordChangedAt.plus(maxAge));
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        mustChangePassword = false;
    }

    /** A temporary password set by an administrator: to be changed at the next sign-in. */
    public void resetPassword(String temporaryHash, Instant now) {
        passwordHash = temporaryHash;
        passwordChangedAt = now;
        mustChangePassword = true;
    }

    public boolean hasToken() {
        return totpSecret != null;
    }

    public String totpSecret() {
        return SECRETS.convertToEntityAttribute(totpSecret);
    }

    public long totpLastStep() {
        return totpLastStep;
    }

    /** Records that a code of {@code step} was used, so it cannot be used again. */
    public void codeUsed(long step) {
        totpLastStep = Math.max(totpLastStep, step);
    }

    public void startEnrolment(String secret) {
        totpPendingSecret = SECRETS.convertToDatabaseColumn(secret);
    }

    public String pendingSecret() {
        return SECRETS.convertToEntityAttribute(totpPendingSecret);
    }

    /** The pending secret becomes the user's token, its first code (of {@code step}) used. */
    public void confirmEnrolment(long step) {
        totpSecret = totpPendingSecret;
        totpPendingSecret = null;
        totpLastStep = step;
    }

    /** A lost or replaced token: the user enrols a new one at the next sign-in. */
    public void resetToken() {
        totpSecret = null;
        totpPendingSecret = null;
    }

    /**
     * How long this user must wait before asking a supervisor on the spot again: nothing for the
     * first {@value #ON_THE_SPOT_FREE_FAILURES} failures in a row, then 10 seconds doubling with
     * each failure up to 5 minutes. Failures an hour old are forgotten.
     */
    public Duration onTheSpotWait(Instant now) {
        if (onTheSpotLastFailure == null || !now.isBefore(onTheSpotLastFailure.plus(ON_THE_SPOT_MEMORY))) {
            return Duration.ZERO;
        }
        int beyond = onTheSpotFailures - ON_THE_SPOT_FREE_FAILURES;
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration wait = ON_THE_SPOT_FIRST_WAIT.multipliedBy(1L << Math.min(beyond, 10));
        Duration left = Duration.between(now, onTheSpotLastFailure.plus(wait.compareTo(ON_THE_SPOT_MAX_WAIT) > 0
                ? ON_THE_SPOT_MAX_WAIT : wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void onTheSpotFailed(Instant now) {
        if (onTheSpotLastFailure != null && !now.isBefore(onTheSpotLastFailure.plus(ON_THE_SPOT_MEMORY))) {
            onTheSpotFailures = 0;
        }
        onTheSpotFailures++;
        onTheSpotLastFailure = now;
    }

    public void onTheSpotPassed() {
        onTheSpotFailures = 0;
        onTheSpotLastFailure = null;
    }

    /** Refuses (OUTSIDE_BRANCH) work on what belongs to another branch: tills, vault, approvals. */
    public void requireBranch(String otherBranch) {
        if (!branchCode.equals(otherBranch)) {
            throw new TellerException(ErrorCode.OUTSIDE_BRANCH, otherBranch, branchCode);
        }
    }

    public String tillCode() {
        return tillCode;
    }

    public void assignTill(String tillCode) {
        this.tillCode = tillCode;
    }
}
