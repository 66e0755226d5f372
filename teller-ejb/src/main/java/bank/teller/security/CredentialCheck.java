package bank.teller.security;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.BiPredicate;
import org.mindrot.jbcrypt.BCrypt;

/**
 * One check of a person's password and dynamic code, the same for a sign-in and for a supervisor's
 * approval on a teller's screen (现场授权). Whatever the outcome, exactly one bcrypt comparison is
 * made, so how long the answer takes tells nothing about the user (unknown, disabled, locked or a
 * wrong password). A wrong password or code counts toward the user's lockout; a correct code is
 * used up. The caller holds the user's row lock, so concurrent guesses all count.
 */
final class CredentialCheck {

    /** A bcrypt hash to compare with when the user does not exist, so that the answer takes as long. */
    private static final String NOBODY = BCrypt.hashpw("no such user", BCrypt.gensalt(12));

    enum Verdict {
        UNKNOWN_USER, SYSTEM_USER, DISABLED, LOCKED, WRONG_PASSWORD, WRONG_CODE,
        /** Password right, and the code too when the user has a token: what the user must still do is the caller's. */
        PASSED
    }

    /** The verdict, and whether this very failure locked the user. */
    record Outcome(Verdict verdict, boolean nowLocked) {
    }

    private final BiPredicate<String, String> passwordMatchesHash;

    /** @param passwordMatchesHash bcrypt's comparison, or a counting one in a test */
    CredentialCheck(BiPredicate<String, String> passwordMatchesHash) {
        this.passwordMatchesHash = passwordMatchesHash;
    }

    CredentialCheck() {
        this(BCrypt::checkpw);
    }

    /** @param user the user the name names, locked for update, or null when there is none */
    Outcome check(AppUser user, String password, String code, Instant now, SecuritySettings settings) {
        String given = password == null ? "" : password;
        if (user == null || !user.enabled() || user.isSystemUser()) {
            passwordMatchesHash.test(given, NOBODY);
            return new Outcome(user == null ? Verdict.UNKNOWN_USER
                    : user.isSystemUser() ? Verdict.SYSTEM_USER : Verdict.DISABLED, false);
        }
        boolean passwordMatches = passwordMatchesHash.test(given, user.passwordHash());
        if (user.isLocked(now)) {
            return new Outcome(Verdict.LOCKED, false);
        }
        if (password == null || !passwordMatches) {
            return failed(user, Verdict.WRONG_PASSWORD, now, settings);
        }
        if (user.hasToken()) {
            OptionalLong step = Totp.verify(user.totpSecret(), code, now, user.totpLastStep());
            if (step.isEmpty()) {
                return failed(user, Verdict.WRONG_CODE, now, settings);
            }
            user.codeUsed(step.getAsLong());
        }
        return new Outcome(Verdict.PASSED, false);
    }

    private static Outcome failed(AppUser user, Verdict verdict, Instant now, SecuritySettings settings) {
        return new Outcome(verdict, user.signInFailed(now, settings.maxFailedSignIns(), settings.lockout()));
    }
}
