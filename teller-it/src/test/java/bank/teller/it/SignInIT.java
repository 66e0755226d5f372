package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.security.PendingSignIns;
import bank.teller.security.SignIn;
import bank.teller.security.Totp;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in as an attacker would try it: wrong factors, guessing until locked, replayed and stale
 * codes, a second sign-in, sessions past their idle and absolute limits, weak and reused passwords,
 * an expired one. Runs inside the server (to make users and shorten limits) and signs in over HTTPS
 * like any client.
 */
@ExtendWith(ArquillianExtension.class)
class SignInIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("sign-in-it", SignInIT.class, Https.class, Tokens.class);
    }

    private SignIn signIn;
    private PendingSignIns pending;

    @BeforeEach
    void services() {
        signIn = Lookup.ejb("teller-ejb", SignIn.class);
        pending = Lookup.ejb("teller-ejb", PendingSignIns.class);
    }

    @Test
    void aWrongPasswordAndAWrongCodeGetTheSameAnswerAndFiveFailuresLockTheUserUntilUnlocked() throws Exception {
        String user = TestUsers.create("TELLER");
        HttpResponse<String> wrongPassword = Https.signIn(user, "Wrong1!password", Tokens.currentCode(TestUsers.TOTP_SECRET));
        HttpResponse<String> wrongCode = Https.signIn(user, TestUsers.PASSWORD, "000000".equals(
                Tokens.currentCode(TestUsers.TOTP_SECRET)) ? "111111" : "000000");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(wrongPassword.body(), wrongCode.body(), "the answer never says which factor was wrong");
        assertEquals("SIGN_IN_FAILED", json(wrongCode).getString("code"));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, Https.signIn(user, "Wrong1!password", "123456").statusCode());
        }
        assertNotNull(Sql.string("SELECT locked_until FROM app_user WHERE username = ?", user), "locked after five");
        HttpResponse<String> locked = Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user));
        assertEquals(wrongCode.body(), locked.body(), "locked: the right factors are refused the same way");

        String admin = TestUsers.create("ADMIN");
        HttpResponse<String> unlock = Https.postJson("/api/v1/users/" + user + "/unlock", admin, TestUsers.PASSWORD, null, "");
        assertEquals(200, unlock.statusCode(), unlock.body());
        assertEquals(200, Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user)).statusCode());
    }

    @Test
    void tokenSecretsAreStoredEncrypted() throws Exception {
        String stored = Sql.string("SELECT totp_secret FROM app_user WHERE username = ?", AsUser.TELLER);
        assertTrue(stored.startsWith("v1:") && !stored.contains(Tokens.secretOf(AsUser.TELLER)), stored);
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM app_user WHERE totp_secret IS NOT NULL "
                + "AND totp_secret NOT LIKE 'v1:%'"), "no secret in clear");
    }

    @Test
    void aCodeWorksOnceAndOnlyWithinAStepOfThePresent() throws Exception {
        String user = TestUsers.create("TELLER");
        long now = Totp.step(Instant.now());
        assertEquals(401, Https.signIn(user, TestUsers.PASSWORD, Totp.code(TestUsers.TOTP_SECRET, now - 3)).statusCode(),
                "a code from 90 seconds ago");
        assertEquals(401, Https.signIn(user, TestUsers.PASSWORD, Totp.code(TestUsers.TOTP_SECRET, now + 3)).statusCode(),
                "a code from 90 seconds ahead");
        String code = Totp.code(TestUsers.TOTP_SECRET, now + 1);
        assertEquals(200, Https.signIn(user, TestUsers.PASSWORD, code).statusCode(), "the next step's code: clocks drift");
        assertEquals(401, Https.signIn(user, TestUsers.PASSWORD, code).statusCode(), "the same code again");
        assertEquals(401, Https.signIn(user, TestUsers.PASSWORD, Totp.code(TestUsers.TOTP_SECRET, now)).statusCode(),
                "a code older than the last one used");
    }

    @Test
    void aSecondSignInEndsTheFirstSessionAndSigningOutEndsTheSecond() throws Exception {
        String user = TestUsers.create("TELLER");
        String first = Https.sessionCookie(Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user)));
        assertEquals(200, get("/api/v1/customers/1", first).statusCode());
        String second = Https.sessionCookie(Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user)));
        assertTrue(!first.equals(second), "a new session id at sign-in");
        assertEquals(401, get("/api/v1/customers/1", first).statusCode(), "the first session has ended");
        assertEquals(200, get("/api/v1/customers/1", second).statusCode());

        HttpResponse<String> signOut = Https.send(Https.inSession("/api/v1/sessions/current", second).DELETE().build());
        assertEquals(204, signOut.statusCode());
        assertEquals(401, get("/api/v1/customers/1", second).statusCode());
    }

    /**
     * Two nodes (issue 20): a sign-in on the other node gives the user a new session key in the database
     * (made here as that node would make it); the session on this node ends at its next request.
     */
    @Test
    void aSignInOnAnotherNodeEndsTheSessionHereAtItsNextRequest() throws Exception {
        String user = TestUsers.create("TELLER");
        String session = Https.sessionCookie(Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user)));
        assertEquals(200, get("/api/v1/customers/1", session).statusCode());
        String key = Sql.string("SELECT session_key FROM app_user WHERE username = ?", user);
        assertEquals(43, key.length(), "a 256-bit key, Base64 without padding");

        Sql.update("UPDATE app_user SET session_key = 'signed-in-on-the-other-node' WHERE username = ?", user);
        assertEquals(401, get("/api/v1/customers/1", session).statusCode(), "replaced: signed out");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE actor = ? AND action = 'SESSION_REPLACED'", user));
        String again = Https.sessionCookie(Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user)));
        assertEquals(200, get("/api/v1/customers/1", again).statusCode(), "a new sign-in takes the user's one session");
        assertTrue(!key.equals(Sql.string("SELECT session_key FROM app_user WHERE username = ?", user)), "a new key");
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestAndDisablingAUserEndsTheirSessionAtOnce() throws Exception {
        String user = TestUsers.create("TELLER");
        String session = Https.sessionCookie(Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user)));
        assertEquals(200, get("/api/v1/customers/1", session).statusCode());
        assertEquals(403, get("/api/v1/audit/records?actor=" + user, session).statusCode());

        String admin = Https.sessionOf(TestUsers.create("ADMIN"), TestUsers.PASSWORD);
        HttpResponse<String> auditor = Https.send(Https.inSession("/api/v1/users/" + user + "/roles", admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"AUDITOR\"]}")).build());
        assertEquals(200, auditor.statusCode(), auditor.body());
        assertEquals(200, get("/api/v1/audit/records?actor=" + user, session).statusCode(), "now an auditor");
        assertEquals(403, get("/api/v1/tills/sessions/current", session).statusCode(), "no longer a teller");

        HttpResponse<String> disabled = Https.send(Https.inSession("/api/v1/users/" + user + "/disable", admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(401, get("/api/v1/audit/records?actor=" + user, session).statusCode(), "disabled: signed out");
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndAfterItsAbsoluteLimit() throws Exception {
        String idle = TestUsers.create("TELLER");
        String busy = TestUsers.create("TELLER");
        try {
            System.setProperty("teller.security.session-idle-seconds", "2");
            String idleSession = Https.sessionCookie(Https.signIn(idle, TestUsers.PASSWORD, Tokens.nextCode(idle)));
            assertEquals(200, get("/api/v1/customers/1", idleSession).statusCode());
            Thread.sleep(4000);
            assertEquals(401, get("/api/v1/customers/1", idleSession).statusCode(), "idle for 4 s of 2");

            System.setProperty("teller.security.session-idle-seconds", "60");
            System.setProperty("teller.security.session-max-seconds", "3");
            String busySession = Https.sessionCookie(Https.signIn(busy, TestUsers.PASSWORD, Tokens.nextCode(busy)));
            for (int i = 0; i < 2; i++) {
                assertEquals(200, get("/api/v1/customers/1", busySession).statusCode(), "busy, within the limit");
                Thread.sleep(1000);
            }
            Thread.sleep(1500);
            assertEquals(401, get("/api/v1/customers/1", busySession).statusCode(), "busy, past the limit");
        } finally {
            System.clearProperty("teller.security.session-idle-seconds");
            System.clearProperty("teller.security.session-max-seconds");
        }
    }

    @Test
    void aNewPasswordFollowsThePolicyAndIsNoneOfTheLastFive() throws Exception {
        String user = TestUsers.create("TELLER");
        String ticket = pending.issue(user);
        assertEquals(ErrorCode.PASSWORD_TOO_SHORT, refusal(() -> signIn.changePassword(ticket, "Sh0rt!")));
        assertEquals(ErrorCode.PASSWORD_TOO_SIMPLE, refusal(() -> signIn.changePassword(ticket, "no digits or symbols")));
        assertEquals(ErrorCode.PASSWORD_COMMON, refusal(() -> signIn.changePassword(ticket, "P@ssw0rd12345!")));

        String[] passwords = {"Blue#river-2031", "Green#river-2032", "Amber#river-2033", "Coral#river-2034",
                "Ivory#river-2035", "Slate#river-2036"};
        for (int i = 0; i < 5; i++) {
            SignIn.Result result = signIn.changePassword(pending.issue(user), passwords[i]);
            assertEquals(SignIn.Outcome.SIGNED_IN, result.outcome(), "the user has a token: signed in");
        }
        String again = pending.issue(user);
        assertEquals(ErrorCode.PASSWORD_REUSED, refusal(() -> signIn.changePassword(again, passwords[4])),
                "the current password");
        assertEquals(ErrorCode.PASSWORD_REUSED, refusal(() -> signIn.changePassword(again, passwords[0])),
                "four changes ago: one of the last five");
        assertEquals(SignIn.Outcome.SIGNED_IN, signIn.changePassword(again, passwords[5]).outcome());
        assertNull(pending.holder(again).orElse(null), "a ticket is used once");
        assertEquals(SignIn.Outcome.SIGNED_IN, signIn.changePassword(pending.issue(user), passwords[0]).outcome(),
                "five changes ago: allowed again");
    }

    @Test
    void anExpiredPasswordMustBeChangedBeforeTheUserIsIn() throws Exception {
        String user = TestUsers.create("TELLER");
        Sql.update("UPDATE app_user SET password_changed_at = password_changed_at - INTERVAL '91 days' WHERE username = ?", user);
        HttpResponse<String> api = Https.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user));
        assertEquals("PASSWORD_CHANGE_REQUIRED", json(api).getString("code"), "the API sends such users to the screen");
        SignIn.Result result = signIn.signIn(user, TestUsers.PASSWORD, Tokens.nextCode(user));
        assertEquals(SignIn.Outcome.CHANGE_PASSWORD, result.outcome());
        assertEquals(SignIn.Outcome.SIGNED_IN, signIn.changePassword(result.ticket(), "Fresh#start-2040").outcome());
        assertEquals(200, Https.signIn(user, "Fresh#start-2040", Tokens.nextCode(user)).statusCode());
    }

    @Test
    void aNewUserChangesTheTemporaryPasswordThenEnrolsATokenWhoseFirstCodeSignsIn() throws Exception {
        HttpResponse<String> created = Https.postJson("/api/v1/users", TestUsers.create("ADMIN"), TestUsers.PASSWORD, null,
                "{\"username\":\"n" + Long.toString(System.nanoTime(), 36) + "\",\"displayName\":\"新柜员\","
                        + "\"branchCode\":\"0001\",\"roles\":[\"TELLER\"]}");
        assertEquals(201, created.statusCode(), created.body());
        String user = json(created).getString("username");
        String temporary = json(created).getString("temporaryPassword");

        SignIn.Result first = signIn.signIn(user, temporary, null);
        assertEquals(SignIn.Outcome.CHANGE_PASSWORD, first.outcome(), "no token yet: the password alone, then change it");
        assertEquals(ErrorCode.PASSWORD_CHANGE_REQUIRED, refusal(() -> signIn.startEnrolment(first.ticket())));
        SignIn.Result changed = signIn.changePassword(first.ticket(), "Counter#seven-2041");
        assertEquals(SignIn.Outcome.ENROL_TOKEN, changed.outcome());
        String secret = signIn.startEnrolment(changed.ticket()).secret();
        assertEquals(ErrorCode.TOTP_CODE_INVALID, refusal(() -> signIn.confirmEnrolment(changed.ticket(),
                Totp.code(secret, Totp.step(Instant.now()) - 5))));
        SignIn.Result in = signIn.confirmEnrolment(changed.ticket(), Totp.code(secret, Totp.step(Instant.now())));
        assertEquals(SignIn.Outcome.SIGNED_IN, in.outcome());
        assertTrue(in.roles().contains("TELLER"));
        assertEquals(SignIn.Outcome.REFUSED, signIn.signIn(user, "Counter#seven-2041", null).outcome(),
                "with a token, no sign-in without its code");
    }

    @Test
    void anAdministratorManagesOthersButNeverTheirOwnRolesAndATellerManagesNobody() throws Exception {
        String admin = TestUsers.create("ADMIN");
        HttpResponse<String> self = Https.send(Https.inSession("/api/v1/users/" + admin + "/roles",
                        Https.sessionOf(admin, TestUsers.PASSWORD)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"ADMIN\",\"SUPERVISOR\"]}")).build());
        assertEquals(403, self.statusCode(), self.body());
        assertEquals("ROLE_SELF_GRANT", json(self).getString("code"));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM app_user_role WHERE username = ?", admin));
        String teller = TestUsers.create("TELLER");
        HttpResponse<String> byTeller = Https.postJson("/api/v1/users", teller, TestUsers.PASSWORD, null,
                "{\"username\":\"sneaky\",\"displayName\":\"x\",\"branchCode\":\"0001\",\"roles\":[\"ADMIN\"]}");
        assertEquals(403, byTeller.statusCode(), byTeller.body());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM app_user WHERE username = 'sneaky'"));
    }

    private static HttpResponse<String> get(String path, String session) throws Exception {
        return Https.send(Https.inSession(path, session).GET().build());
    }

    private static ErrorCode refusal(Runnable call) {
        return assertThrows(TellerException.class, call::run).code();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
