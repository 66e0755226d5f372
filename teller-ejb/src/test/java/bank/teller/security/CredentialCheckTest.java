package bank.teller.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The credential check of sign-in and on-the-spot approval: one password comparison whatever the
 * outcome (so the time of the answer does not tell a locked user from a wrong password), failures
 * counted toward the lockout, a locked user refused even with the right password and code.
 */
@ExtendWith(WithSecretKey.class)
class CredentialCheckTest {

    private static final String PASSWORD = "Right1!Password";
    private static final String HASH = BCrypt.hashpw(PASSWORD, BCrypt.gensalt(4));
    private static final String SECRET = "KRSXG5CVONSXEICUN5VWK3RAKRSXG5BO";
    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    private static final SecuritySettings SETTINGS = new SecuritySettings(5, Duration.ofMinutes(30), 12, 5,
            Duration.ofDays(90), Duration.ofMinutes(15), Duration.ofHours(12));

    private final List<String> comparedWith = new ArrayList<>();
    private final CredentialCheck check = new CredentialCheck((password, hash) -> {
        comparedWith.add(hash);
        return BCrypt.checkpw(password, hash);
    });

    private static AppUser user() {
        AppUser user = new AppUser("super9", HASH, "主管", "0001", NOW.minus(Duration.ofDays(1)));
        user.startEnrolment(SECRET);
        user.confirmEnrolment(Totp.step(NOW) - 5);
        return user;
    }

    private CredentialCheck.Verdict verdict(AppUser user, String password, String code) {
        comparedWith.clear();
        CredentialCheck.Verdict verdict = check.check(user, password, code, NOW, SETTINGS).verdict();
        assertEquals(1, comparedWith.size(), "one password comparison for " + verdict);
        return verdict;
    }

    @Test
    void everyOutcomeTakesOnePasswordComparison() {
        assertEquals(CredentialCheck.Verdict.UNKNOWN_USER, verdict(null, PASSWORD, null));
        assertEquals(CredentialCheck.Verdict.UNKNOWN_USER, verdict(null, null, null));
        AppUser disabled = user();
        disabled.disable();
        assertEquals(CredentialCheck.Verdict.DISABLED, verdict(disabled, PASSWORD, code()));
        AppUser system = user();
        system.markSystem();
        assertEquals(CredentialCheck.Verdict.SYSTEM_USER, verdict(system, PASSWORD, code()));
        AppUser locked = user();
        locked.signInFailed(NOW, 1, Duration.ofMinutes(30));
        assertEquals(CredentialCheck.Verdict.LOCKED, verdict(locked, PASSWORD, code()));
        assertEquals(HASH, comparedWith.get(0), "a locked user's own hash, as for a wrong password");
        assertEquals(CredentialCheck.Verdict.WRONG_PASSWORD, verdict(user(), "Wrong1!Password", code()));
        assertEquals(CredentialCheck.Verdict.WRONG_CODE, verdict(user(), PASSWORD, null));
        assertEquals(CredentialCheck.Verdict.PASSED, verdict(user(), PASSWORD, code()));
    }

    @Test
    void wrongPasswordsAndCodesCountTowardTheLockoutAndAUsedCodeCannotPassAgain() {
        AppUser user = user();
        for (int failure = 1; failure <= 4; failure++) {
            CredentialCheck.Outcome outcome = check.check(user, failure % 2 == 0 ? "Wrong1!Password" : PASSWORD,
                    "000000".equals(code()) ? "111111" : "000000", NOW, SETTINGS);
            assertFalse(outcome.nowLocked());
        }
        assertTrue(check.check(user, "Wrong1!Password", code(), NOW, SETTINGS).nowLocked(), "the fifth failure locks");
        assertEquals(CredentialCheck.Verdict.LOCKED, check.check(user, PASSWORD, code(), NOW, SETTINGS).verdict());

        AppUser other = user();
        assertEquals(CredentialCheck.Verdict.PASSED, check.check(other, PASSWORD, code(), NOW, SETTINGS).verdict());
        assertEquals(CredentialCheck.Verdict.WRONG_CODE, check.check(other, PASSWORD, code(), NOW, SETTINGS).verdict(),
                "a code is taken once");
    }

    @Test
    void aTellerWhoseAttemptsKeepFailingWaitsLongerEachTimeAndIsForgivenAfterAnHour() {
        AppUser teller = user();
        for (int failure = 1; failure <= 3; failure++) {
            assertEquals(Duration.ZERO, teller.onTheSpotWait(NOW), "no wait before failure " + failure);
            teller.onTheSpotFailed(NOW);
        }
        assertEquals(Duration.ofSeconds(10), teller.onTheSpotWait(NOW));
        assertEquals(Duration.ZERO, teller.onTheSpotWait(NOW.plusSeconds(10)));
        teller.onTheSpotFailed(NOW.plusSeconds(10));
        assertEquals(Duration.ofSeconds(20), teller.onTheSpotWait(NOW.plusSeconds(10)));
        for (int failure = 0; failure < 20; failure++) {
            teller.onTheSpotFailed(NOW.plusSeconds(30));
        }
        assertEquals(Duration.ofMinutes(5), teller.onTheSpotWait(NOW.plusSeconds(30)), "never more than five minutes");
        teller.onTheSpotFailed(NOW.plusSeconds(30).plus(Duration.ofHours(1)));
        assertEquals(Duration.ZERO, teller.onTheSpotWait(NOW.plusSeconds(30).plus(Duration.ofHours(1))),
                "an hour later the count starts again");
        teller.onTheSpotFailed(NOW.plus(Duration.ofHours(2)));
        teller.onTheSpotFailed(NOW.plus(Duration.ofHours(2)));
        teller.onTheSpotPassed();
        assertEquals(Duration.ZERO, teller.onTheSpotWait(NOW.plus(Duration.ofHours(2))));
    }

    private static String code() {
        return Totp.code(SECRET, Totp.step(NOW));
    }
}
