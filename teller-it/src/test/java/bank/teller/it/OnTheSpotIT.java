package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountClosing;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 现场授权 attacked through the API: a teller who guesses a supervisor's credentials on their own
 * screen. The supervisor's password and dynamic code are checked as at a sign-in, failures lock the
 * supervisor, whoever cannot sign in cannot approve, every attempt names the supervisor in the
 * audit trail, and a teller who keeps failing is made to wait.
 */
@ExtendWith(ArquillianExtension.class)
class OnTheSpotIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("on-the-spot-it", OnTheSpotIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void guessingASupervisorsPasswordLocksThemAndSlowsTheGuessingTellerDown() throws Exception {
        String supervisor = TestUsers.create("SUPERVISOR");
        String first = TestUsers.create("TELLER");
        String second = TestUsers.create("TELLER");
        long firstApproval = waitingClosing(first);
        long secondApproval = waitingClosing(second);

        for (int guess = 1; guess <= 3; guess++) {
            assertRefused(onTheSpot(first, firstApproval, supervisor, "Guess" + guess + "!Wrong", ANY_CODE));
        }
        HttpResponse<String> slowed = onTheSpot(first, firstApproval, supervisor, TestUsers.PASSWORD, presentCode());
        assertProblem(slowed, 429, ErrorCode.ON_THE_SPOT_THROTTLED);
        long wait = Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait > 0 && wait <= 10, slowed.headers().toString());
        assertEquals(3, Sql.count("SELECT failed_sign_ins FROM app_user WHERE username = ?", supervisor),
                "a teller made to wait tries no credentials");

        for (int guess = 4; guess <= 5; guess++) {
            assertRefused(onTheSpot(second, secondApproval, supervisor, "Guess" + guess + "!Wrong", ANY_CODE));
        }
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM app_user WHERE username = ? AND locked_until > CURRENT_TIMESTAMP",
                supervisor), "the fifth failure in a row locks the supervisor, as five failed sign-ins do");
        assertRefused(onTheSpot(second, secondApproval, supervisor, TestUsers.PASSWORD, presentCode()));
        assertEquals(401, Https.signIn(supervisor, TestUsers.PASSWORD, presentCode()).statusCode(),
                "locked for signing in too");

        assertEquals("PENDING", Sql.string("SELECT status FROM approval_request WHERE id = ?", firstApproval));
        assertEquals("PENDING", Sql.string("SELECT status FROM approval_request WHERE id = ?", secondApproval));
        assertEquals(7, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'APPROVAL_ON_THE_SPOT' "
                + "AND actor IN (?, ?) AND detail LIKE ?", first, second, "supervisor " + supervisor + "%"),
                "every attempt, refused or made to wait, is audited and names the supervisor tried");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'APPROVAL_ON_THE_SPOT' "
                + "AND actor = ? AND result = 'REFUSED:ON_THE_SPOT_THROTTLED'", first));
    }

    @Test
    void whoeverCouldNotSignInCannotApproveOnTheSpotAndTheAnswerNeverSaysWhy() throws Exception {
        String teller = TestUsers.create("TELLER");
        String other = TestUsers.create("TELLER");
        long approval = waitingClosing(teller);
        long otherApproval = waitingClosing(other);

        String temporary = TestUsers.create("SUPERVISOR");
        Sql.update("UPDATE app_user SET must_change_password = TRUE, totp_secret = NULL WHERE username = ?", temporary);
        assertRefused(onTheSpot(teller, approval, temporary, TestUsers.PASSWORD, null));
        String enrolled = TestUsers.create("SUPERVISOR");
        assertRefused(onTheSpot(teller, approval, enrolled, TestUsers.PASSWORD, null));
        assertRefused(onTheSpot(teller, approval, enrolled, TestUsers.PASSWORD, "000000"));
        assertEquals(2, Sql.count("SELECT failed_sign_ins FROM app_user WHERE username = ?", enrolled),
                "a missing or wrong code counts toward the lockout");

        String disabled = TestUsers.create("SUPERVISOR");
        Sql.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", disabled);
        assertRefused(onTheSpot(other, otherApproval, disabled, TestUsers.PASSWORD, presentCode()));
        String notSupervisor = TestUsers.create("TELLER");
        assertRefused(onTheSpot(other, otherApproval, notSupervisor, TestUsers.PASSWORD, presentCode()));

        HttpResponse<String> approved = onTheSpot(other, otherApproval, enrolled, TestUsers.PASSWORD,
                Tokens.nextCode(enrolled));
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject view = Json.createReader(new StringReader(approved.body())).readObject();
        assertEquals("APPROVED", view.getString("status"));
        assertEquals(enrolled, view.getString("checker"));
        assertEquals(0, Sql.count("SELECT failed_sign_ins FROM app_user WHERE username = ?", enrolled),
                "a supervisor who passed starts again from no failures");
        assertEquals(0, Sql.count("SELECT on_the_spot_failures FROM app_user WHERE username = ?", other),
                "and so does the teller");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'APPROVAL_ON_THE_SPOT' AND actor = ? "
                + "AND subject = ? AND detail = ? AND result = 'SUCCESS'", other, "approval:" + otherApproval,
                "supervisor " + enrolled));
    }

    /** A code the wrong password goes with: never looked at. */
    private static final String ANY_CODE = "123456";

    /**
     * The present code of the test users' token, for attempts refused whatever the code (a user
     * locked, disabled, or no supervisor): {@link Tokens#nextCode} would wait for a fresh step.
     */
    private static String presentCode() {
        return Tokens.currentCode(TestUsers.TOTP_SECRET);
    }

    /** A closing the teller asked for, waiting for a supervisor: its approval's id. */
    private long waitingClosing(String teller) throws Exception {
        String closable = Counter.classOneAccount(asUser, "现场授权客户");
        String payee = Counter.classOneAccount(asUser, "收款客户");
        AccountClosing closing = Lookup.ejb("teller-ejb", AccountClosing.class);
        try {
            asUser.as(teller, TestUsers.PASSWORD, () -> closing.close(closable, payee, TestData.requestId("close")));
        } catch (TellerException waiting) {
            assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code());
            return ((Number) waiting.args().get(0)).longValue();
        }
        throw new AssertionError("a teller's closing waits for a supervisor");
    }

    private static HttpResponse<String> onTheSpot(String teller, long approval, String supervisor, String password,
                                                  String code) throws Exception {
        JsonObjectBuilder body = Json.createObjectBuilder().add("supervisor", supervisor).add("password", password);
        if (code != null) {
            body.add("code", code);
        }
        return Https.postJson("/api/v1/approvals/" + approval + "/on-the-spot", teller, TestUsers.PASSWORD, null,
                body.build().toString());
    }

    /** The one answer to every refusal, whatever its reason. */
    private static void assertRefused(HttpResponse<String> response) {
        assertProblem(response, 403, ErrorCode.APPROVER_INVALID);
        assertEquals("The supervisor's sign-in was not accepted.",
                Json.createReader(new StringReader(response.body())).readObject().getString("detail"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, ErrorCode code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code.name(), Json.createReader(new StringReader(response.body())).readObject().getString("code"));
    }
}
