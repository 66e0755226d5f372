package bank.teller.it;

import bank.teller.platform.DemoData;
import bank.teller.security.Totp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The test users' authenticator app: dynamic codes for the demo users and the users of
 * {@link TestUsers}. The server takes a code once, and only for a later time step than the last
 * code it took from that user, within one step of the present; so each code handed out here is for
 * the next step the server will still take, waiting for the clock when a user signs in often.
 */
public final class Tokens {

    private static final Map<String, String> SECRETS = Map.of(
            AsUser.TELLER, DemoData.TELLER_TOTP,
            AsUser.SUPERVISOR, DemoData.SUPERVISOR_TOTP,
            "admin1", DemoData.ADMIN_TOTP,
            DemoData.AUDITOR, DemoData.AUDITOR_TOTP,
            DemoData.TRAINEE, DemoData.TRAINEE_TOTP,
            DemoData.TRAINER, DemoData.TRAINER_TOTP);
    private static final Map<String, String> PASSWORDS = Map.of(
            AsUser.TELLER, DemoData.TELLER_PASSWORD,
            AsUser.SUPERVISOR, DemoData.SUPERVISOR_PASSWORD,
            "admin1", DemoData.ADMIN_PASSWORD,
            DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD,
            DemoData.TRAINEE, DemoData.TRAINEE_PASSWORD,
            DemoData.TRAINER, DemoData.TRAINER_PASSWORD);
    private static final Map<String, Long> LAST_STEP = new HashMap<>();
    /** Use the step before the present only this early in the present step (a request takes time). */
    private static final long EARLY_SECONDS = 15;

    private Tokens() {
    }

    public static String secretOf(String user) {
        return SECRETS.getOrDefault(user, TestUsers.TOTP_SECRET);
    }

    /**
     * Whether {@code password} is the user's own (a demo user's, or {@link TestUsers#PASSWORD}): a sign-in
     * with it that is refused was refused for its code, which another deployment may have taken first.
     */
    public static boolean isOwnPassword(String user, String password) {
        return password.equals(PASSWORDS.getOrDefault(user, TestUsers.PASSWORD));
    }

    /** A code {@code user}'s next sign-in can use. */
    public static synchronized String nextCode(String user) {
        long step;
        while (true) {
            Instant now = Instant.now();
            long current = Totp.step(now);
            long secondsIntoStep = now.getEpochSecond() % Totp.STEP.getSeconds();
            long earliest = secondsIntoStep < EARLY_SECONDS ? current - 1 : current;
            step = Math.max(earliest, Math.max(LAST_STEP.getOrDefault(user, Long.MIN_VALUE), lastTakenByServer(user)) + 1);
            if (step <= current + 1) {
                break;
            }
            sleep();
        }
        LAST_STEP.put(user, step);
        return Totp.code(secretOf(user), step);
    }

    /**
     * The last step the server took from {@code user}: another test deployment (each has its own
     * copy of this class) may have signed the same user in. Unknown outside the server.
     */
    private static long lastTakenByServer(String user) {
        try {
            return Sql.count("SELECT totp_last_step FROM app_user WHERE username = ?", user);
        } catch (Exception | LinkageError notInTheServer) {
            return Long.MIN_VALUE;
        }
    }

    /** A code of the present step, whether used or not: for tests of replay. */
    public static String currentCode(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()));
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
