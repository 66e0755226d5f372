package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API over HTTPS, as another system or a script would use it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    @Deployment(testable = false)
    static WebArchive nothingExtra() {
        return InContainer.placeholder("api-it");
    }

    @Test
    void aTellerOpensAnAccountDepositsAndReadsTheBalanceAndTransactions() throws Exception {
        String account = openAccount();
        String key = TestData.requestId("api-dep");
        HttpResponse<String> deposit = deposit(account, "\"250.75\"", key);
        assertEquals(201, deposit.statusCode(), deposit.body());
        assertEquals("250.75", json(deposit).getString("balanceAfter"));

        HttpResponse<String> replay = deposit(account, "\"250.75\"", key);
        assertEquals(201, replay.statusCode());
        assertEquals(json(deposit), json(replay));

        JsonObject view = json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD));
        assertEquals("250.75", view.getString("balance"));
        JsonObject transactions = json(Https.get("/api/v1/accounts/" + account + "/transactions", AsUser.TELLER,
                AsUser.TELLER_PASSWORD));
        assertEquals(1, transactions.getInt("total"));
        assertEquals("CREDIT", transactions.getJsonArray("items").getJsonObject(0).getString("side"));
    }

    @Test
    void badInputGetsAProblemResponseWithACode() throws Exception {
        String account = openAccount();
        assertProblem(deposit(account, "\"12.345\"", TestData.requestId("sub-fen")), 400, "AMOUNT_SUB_FEN");
        assertProblem(deposit(account, "\"-1.00\"", TestData.requestId("negative")), 400, "AMOUNT_NOT_POSITIVE");
        assertProblem(deposit(account, "\"1.00\"", null), 400, "REQUEST_ID_INVALID");
        assertProblem(deposit(account.substring(0, 15) + ((account.charAt(15) - '0' + 1) % 10), "\"1.00\"",
                TestData.requestId("check")), 400, "ACCOUNT_NUMBER_INVALID");
        assertProblem(Https.postJson("/api/v1/cash-deposits", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                TestData.requestId("junk"), "{not json"), 400, null);
        assertProblem(Https.postJson("/api/v1/accounts", AsUser.TELLER, AsUser.TELLER_PASSWORD, TestData.requestId("id"),
                "{\"customerName\":\"李四\",\"residentId\":\"" + TestData.residentIdWithWrongCheckDigit() + "\"}"),
                400, "RESIDENT_ID_INVALID");
        assertEquals("0.00", json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .getString("balance"));
    }

    @Test
    void problemsSpeakTheCallersLanguage() throws Exception {
        HttpResponse<String> response = Https.send(HttpRequest.newBuilder(
                        URI.create(Https.BASE + "/api/v1/accounts/1234567890123456"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((AsUser.TELLER + ":" + AsUser.TELLER_PASSWORD).getBytes()))
                .header("Accept-Language", "zh-CN").GET().build());
        assertProblem(response, 400, "ACCOUNT_NUMBER_INVALID");
        assertTrue(json(response).getString("detail").contains("账号"), response.body());
    }

    @Test
    void withoutCredentialsTheApiGivesNoData() throws Exception {
        String account = openAccount();
        HttpResponse<String> anonymous = Https.get("/api/v1/accounts/" + account, null, null);
        assertFalse(anonymous.body().contains(account), anonymous.body());
        assertTrue(anonymous.statusCode() == 401 || anonymous.body().contains("j_security_check"),
                "expected a challenge or the login page, got " + anonymous.statusCode());
        HttpResponse<String> wrongPassword = Https.get("/api/v1/accounts/" + account, AsUser.TELLER, "wrong");
        assertFalse(wrongPassword.body().contains(account));
    }

    @Test
    void plainHttpIsRedirectedToHttps() throws Exception {
        HttpResponse<String> response = Https.get("http://localhost:8080/teller/login.xhtml", null, null);
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").startsWith("https://localhost:8443/"));
    }

    private static String openAccount() throws Exception {
        HttpResponse<String> response = Https.postJson("/api/v1/accounts", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                TestData.requestId("api-open"),
                "{\"customerName\":\"王五\",\"residentId\":\"" + TestData.residentId() + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        return json(response).getString("accountNumber");
    }

    private static HttpResponse<String> deposit(String account, String amountJson, String key) throws Exception {
        return Https.postJson("/api/v1/cash-deposits", AsUser.TELLER, AsUser.TELLER_PASSWORD, key,
                "{\"accountNumber\":\"" + account + "\",\"amount\":" + amountJson + ",\"currency\":\"CNY\"}");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(response);
        if (code != null) {
            assertEquals(code, problem.getString("code"));
        }
        assertFalse(response.body().contains("Exception"), response.body());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
