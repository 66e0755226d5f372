package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

        String voucherNo = json(deposit).getString("voucherNo");
        String original = pdfText("/api/v1/vouchers/" + voucherNo + "/pdf");
        assertTrue(original.contains(voucherNo) && original.contains("人民币贰佰伍拾元柒角伍分"), original);
        assertFalse(original.contains("COPY"), original);
        assertTrue(pdfText("/api/v1/vouchers/" + voucherNo + "/pdf").contains("副本 COPY"), "a reprint is a copy");
        assertEquals(AsUser.TELLER, json(post("/api/v1/vouchers/" + voucherNo + "/confirmation", null, ""))
                .getString("confirmedBy"));
        assertProblem(post("/api/v1/vouchers/" + voucherNo + "/confirmation", null, ""), 409, "VOUCHER_ALREADY_CONFIRMED");

        JsonObject view = json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD));
        assertEquals("250.75", view.getString("balance"));
        JsonObject transactions = json(Https.get("/api/v1/accounts/" + account + "/transactions", AsUser.TELLER,
                AsUser.TELLER_PASSWORD));
        assertEquals(1, transactions.getInt("total"));
        assertEquals("CREDIT", transactions.getJsonArray("items").getJsonObject(0).getString("side"));

        String today = view.getString("openedOn");
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        assertEquals(0, json(Https.get("/api/v1/accounts/" + account + "/transactions?to=" + yesterday, AsUser.TELLER,
                AsUser.TELLER_PASSWORD)).getInt("total"), "the date filter");
        String period = "/api/v1/accounts/" + account + "/statement?from=" + today + "&to=" + today;
        JsonObject statement = json(Https.get(period, AsUser.TELLER, AsUser.TELLER_PASSWORD));
        assertEquals("0.00", statement.getString("openingBalance"));
        assertEquals("250.75", statement.getString("totalCredits"));
        assertEquals("250.75", statement.getString("closingBalance"));
        assertEquals(1, statement.getJsonArray("lines").size());
        HttpResponse<byte[]> csv = Https.getBytes(period + "&format=csv", AsUser.TELLER, AsUser.TELLER_PASSWORD, "text/csv");
        assertEquals(200, csv.statusCode());
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3),
                "UTF-8 with a byte-order mark, which Excel on a Chinese Windows desktop needs");
        String rows = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(rows.contains(",CASH_DEPOSIT,,250.75,250.75,teller1") && rows.contains("CLOSING_BALANCE,,,250.75"), rows);
        HttpResponse<byte[]> pdf = Https.getBytes(period + "&format=pdf", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertTrue(new PDFTextStripper().getText(document).contains("CNY 250.75"));
        }
        assertProblem(Https.get("/api/v1/accounts/" + account + "/statement?from=" + today + "&to=" + yesterday,
                AsUser.TELLER, AsUser.TELLER_PASSWORD), 400, "STATEMENT_PERIOD_INVALID");
        assertProblem(Https.get("/api/v1/accounts/" + account + "/statement?from=x&to=" + today,
                AsUser.TELLER, AsUser.TELLER_PASSWORD), 400, "VALIDATION_FAILED");
    }

    @Test
    void withdrawalsAndTransfersMoveMoneyAndRefuseWhatTheBalanceDoesNotCover() throws Exception {
        String payer = openAccount();
        String payee = openAccount();
        assertEquals(201, deposit(payer, "\"100.00\"", TestData.requestId("api-dep")).statusCode());

        HttpResponse<String> withdrawal = post("/api/v1/cash-withdrawals", TestData.requestId("api-wd"),
                "{\"accountNumber\":\"" + payer + "\",\"amount\":\"30.00\"}");
        assertEquals(201, withdrawal.statusCode(), withdrawal.body());
        assertEquals("70.00", json(withdrawal).getString("balanceAfter"));

        HttpResponse<String> transfer = post("/api/v1/transfers", TestData.requestId("api-tr"),
                "{\"payerAccountNumber\":\"" + payer + "\",\"payeeAccountNumber\":\"" + payee + "\",\"amount\":\"70.00\"}");
        assertEquals(201, transfer.statusCode(), transfer.body());
        assertEquals("0.00", json(transfer).getString("balanceAfter"));
        assertEquals(payee, json(transfer).getString("counterpartyAccountNumber"));

        assertProblem(post("/api/v1/cash-withdrawals", TestData.requestId("api-wd"),
                "{\"accountNumber\":\"" + payer + "\",\"amount\":\"0.01\"}"), 409, "INSUFFICIENT_FUNDS");
        assertProblem(post("/api/v1/transfers", TestData.requestId("api-tr"),
                "{\"payerAccountNumber\":\"" + payee + "\",\"payeeAccountNumber\":\"" + payee + "\",\"amount\":\"1.00\"}"),
                400, "TRANSFER_TO_SAME_ACCOUNT");
        assertEquals("70.00", json(Https.get("/api/v1/accounts/" + payee, AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .getString("balance"));
    }

    @Test
    void holdsAndFreezesAreManagedThroughTheApiAndSupervisorsAloneFreeze() throws Exception {
        String account = openAccount();
        assertEquals(201, deposit(account, "\"100.00\"", TestData.requestId("api-dep")).statusCode());

        HttpResponse<String> hold = post("/api/v1/accounts/" + account + "/holds", TestData.requestId("api-hold"),
                "{\"amount\":\"40.00\",\"reason\":\"止付\",\"expiresOn\":\"2999-12-31\"}");
        assertEquals(201, hold.statusCode(), hold.body());
        assertEquals("60.00", json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .getString("availableBalance"));
        assertEquals(1, Json.createReader(new StringReader(Https.get("/api/v1/accounts/" + account + "/restrictions",
                AsUser.TELLER, AsUser.TELLER_PASSWORD).body())).readArray().size());

        assertProblem(post("/api/v1/accounts/" + account + "/freezes", TestData.requestId("api-freeze"),
                "{\"reason\":\"司法冻结\",\"legalReference\":\"(2026)京0105执1号\"}"), 403, "FORBIDDEN");
        HttpResponse<String> freeze = Https.postJson("/api/v1/accounts/" + account + "/freezes", AsUser.SUPERVISOR,
                AsUser.SUPERVISOR_PASSWORD, TestData.requestId("api-freeze"),
                "{\"reason\":\"司法冻结\",\"legalReference\":\"(2026)京0105执1号\"}");
        assertEquals(201, freeze.statusCode(), freeze.body());

        HttpResponse<String> release = Https.postJson("/api/v1/restrictions/" + json(hold).getJsonNumber("id") + "/release",
                AsUser.TELLER, AsUser.TELLER_PASSWORD, TestData.requestId("api-release"), "");
        assertEquals(200, release.statusCode(), release.body());
        assertEquals("0.00", json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .getString("availableBalance"));
    }

    @Test
    void theSameRequestSentFiveTimesAtOnceGetsOneReceiptFiveTimes() throws Exception {
        String account = openAccount();
        String key = TestData.requestId("api-same");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> deposit(account, "\"12.34\"", key)));
            }
            Set<Long> entries = new HashSet<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(1, TimeUnit.MINUTES);
                assertEquals(201, response.statusCode(), response.body());
                entries.add(json(response).getJsonNumber("entryId").longValue());
            }
            assertEquals(1, entries.size(), entries.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals("12.34", json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .getString("balance"));
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
        // JSON-B would bind the last of two amounts: a body with a key twice is refused whole
        assertProblem(Https.postJson("/api/v1/cash-deposits", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                TestData.requestId("twice"), "{\"accountNumber\":\"" + account + "\",\"amount\":\"1.00\","
                        + "\"amount\":\"9999.00\",\"currency\":\"CNY\"}"), 400, "VALIDATION_FAILED");
        assertProblem(post("/api/v1/customers/verifications", null, "{\"idType\":\"RESIDENT_ID\",\"name\":\"李四\","
                + "\"idNumber\":\"" + TestData.residentIdWithWrongCheckDigit() + "\"}"), 400, "RESIDENT_ID_INVALID");
        assertEquals("0.00", json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .getString("balance"));
    }

    @Test
    void anIdempotencyKeyBelongsToItsCallerTheSameKeyFromAnotherUserIsAnotherRequest() throws Exception {
        String account = openAccount();
        String key = TestData.requestId("scope");
        String body = "{\"accountNumber\":\"" + account + "\",\"amount\":\"40.00\",\"currency\":\"CNY\"}";
        HttpResponse<String> tellers = deposit(account, "\"40.00\"", key);
        assertEquals(201, tellers.statusCode(), tellers.body());
        HttpResponse<String> supervisors = Https.postJson("/api/v1/cash-deposits", AsUser.SUPERVISOR,
                AsUser.SUPERVISOR_PASSWORD, key, body);
        assertEquals(201, supervisors.statusCode(), "another caller's request, posted: " + supervisors.body());
        long tellersEntry = json(tellers).getJsonNumber("entryId").longValue();
        assertTrue(tellersEntry != json(supervisors).getJsonNumber("entryId").longValue(), supervisors.body());
        assertEquals("super1", json(supervisors).getString("teller"));

        HttpResponse<String> replay = deposit(account, "\"40.00\"", key);
        assertEquals(201, replay.statusCode());
        assertEquals(tellersEntry, json(replay).getJsonNumber("entryId").longValue(), "the teller's replay: their own receipt");
        assertEquals("80.00", json(Https.get("/api/v1/accounts/" + account, AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .getString("balance"));
    }

    @Test
    void problemsSpeakTellersOwnWordsAndANumberOutOfRangeInTheAddressIsABadRequest() throws Exception {
        assertProblem(Https.get("/api/v1/approvals/99999999999999999999", AsUser.TELLER, AsUser.TELLER_PASSWORD),
                400, "VALIDATION_FAILED");
        String account = openAccount();
        assertProblem(Https.get("/api/v1/accounts/" + account + "/transactions?page=99999999999999999999",
                AsUser.TELLER, AsUser.TELLER_PASSWORD), 400, "VALIDATION_FAILED");
        HttpResponse<String> nowhere = Https.get("/api/v1/no-such-thing", AsUser.TELLER, AsUser.TELLER_PASSWORD);
        assertProblem(nowhere, 404, "NOT_FOUND");
        assertTrue(!nowhere.body().contains("RESTEASY") && !nowhere.body().contains("no-such-thing")
                && !nowhere.body().contains("localhost"), "no framework codes, no echo of the address: " + nowhere.body());
    }

    @Test
    void problemsSpeakTheCallersLanguage() throws Exception {
        HttpResponse<String> response = Https.send(Https.inSession("/api/v1/accounts/1234567890123456",
                        Https.sessionOf(AsUser.TELLER, AsUser.TELLER_PASSWORD))
                .header("Accept-Language", "zh-CN").GET().build());
        assertProblem(response, 400, "ACCOUNT_NUMBER_INVALID");
        assertTrue(json(response).getString("detail").contains("账号"), response.body());
    }

    @Test
    void withoutCredentialsTheApiGivesNoData() throws Exception {
        String account = openAccount();
        HttpResponse<String> anonymous = Https.get("/api/v1/accounts/" + account, null, null);
        assertFalse(anonymous.body().contains(account), anonymous.body());
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        HttpResponse<String> wrongPassword = Https.get("/api/v1/accounts/" + account, AsUser.TELLER, "Wrong1!password");
        assertFalse(wrongPassword.body().contains(account));
        assertProblem(wrongPassword, 401, "UNAUTHENTICATED");
    }

    @Test
    void cardNumbersAreDrawnAtRandomAndNeverTravelInAnAddress() throws Exception {
        List<String> pans = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> issued = post("/api/v1/accounts/" + openAccount() + "/cards", TestData.requestId("api-card"), "");
            assertEquals(201, issued.statusCode(), issued.body());
            pans.add(json(issued).getString("pan"));
        }
        long first = Long.parseLong(pans.get(0).substring(6, 18));
        long second = Long.parseLong(pans.get(1).substring(6, 18));
        assertTrue(Math.abs(second - first) > 1_000, "one card's number tells nothing of the next: " + pans);
        String pan = pans.get(1);
        HttpResponse<String> active = post("/api/v1/cards/activations", TestData.requestId("api-pin"),
                "{\"cardNumber\":\"" + pan + "\",\"pin\":\"802413\"}");
        assertEquals(200, active.statusCode(), active.body());

        for (String address : List.of("/api/v1/accounts/" + pan, "/api/v1/accounts/" + pan + "/transactions",
                "/api/v1/accounts/balances?numbers=0001010000000016," + pan)) {
            assertProblem(Https.get(address, AsUser.TELLER, AsUser.TELLER_PASSWORD), 400, "CARD_NUMBER_IN_ADDRESS");
        }
        HttpResponse<String> found = post("/api/v1/accounts/by-card", null, "{\"cardNumber\":\"" + pan + "\"}");
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(json(found).getString("accountNumber").startsWith("0001"), found.body());
        assertProblem(post("/api/v1/accounts/by-card", null, "{\"cardNumber\":\"623456000000000000\"}"), 400,
                "CARD_NUMBER_INVALID");
        assertProblem(post("/api/v1/accounts/by-card", null, "{\"cardNumber\":\"0001010000000016\"}"), 400,
                "CARD_NUMBER_INVALID");
    }

    @Test
    void tellerServesTheOpenApiDocumentOverHttpsOnlyNamingTheWaysInTheApiReallyTakes() throws Exception {
        HttpResponse<String> response = Https.get("/api/openapi?format=JSON", null, null);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no cross-origin reading");
        assertTrue(response.headers().firstValue("Strict-Transport-Security").isPresent());
        JsonObject document = json(response);
        assertEquals("Teller REST API", document.getJsonObject("info").getString("title"));
        JsonObject paths = document.getJsonObject("paths");
        for (String path : new String[]{"/api/v1/accounts", "/api/v1/accounts/{number}", "/api/v1/cash-deposits",
                "/api/v1/cash-withdrawals", "/api/v1/transfers", "/api/v1/customers",
                "/api/v1/customers/verifications", "/api/v1/accounts/{number}/fee-quote"}) {
            assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
        }
        assertEquals("/teller", document.getJsonArray("servers").getJsonObject(0).getString("url"));
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals(Set.of("session", "apiKey"), schemes.keySet());
        assertEquals("cookie", schemes.getJsonObject("session").getString("in"));
        assertEquals("JSESSIONID", schemes.getJsonObject("session").getString("name"));
        assertEquals("header", schemes.getJsonObject("apiKey").getString("in"));
        assertEquals("X-Api-Key", schemes.getJsonObject("apiKey").getString("name"));
        assertFalse(response.body().toLowerCase().contains("basic"), "the API takes no HTTP Basic");

        HttpResponse<String> plain = Https.get("http://localhost:8080/teller/api/openapi", null, null);
        assertEquals(302, plain.statusCode());
        assertTrue(plain.headers().firstValue("Location").orElse("").startsWith("https://localhost:8443/"));
        assertEquals(404, Https.get("https://localhost:8443/openapi", null, null).statusCode(),
                "the server's own endpoint (plain HTTP, any origin) is not offered");
        assertEquals(404, Https.get("http://localhost:8080/openapi", null, null).statusCode());
    }

    @Test
    void aTellersTillShowsItsCashAndItsCloseReportListsTheDaysCashMovements() throws Exception {
        String account = openAccount();
        deposit(account, "\"77.70\"", TestData.requestId("till-dep"));
        JsonObject till = json(Https.get("/api/v1/tills/sessions/current", AsUser.TELLER, AsUser.TELLER_PASSWORD));
        assertEquals("OPEN", till.getString("status"));
        assertEquals(AsUser.TELLER, till.getString("teller"));
        HttpResponse<byte[]> report = Https.getBytes("/api/v1/tills/sessions/" + till.getJsonNumber("sessionId")
                + "/report", AsUser.TELLER, AsUser.TELLER_PASSWORD, "application/pdf");
        assertEquals(200, report.statusCode());
        try (PDDocument document = Loader.loadPDF(report.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("尾箱轧账单") && text.contains(account) && text.contains("CNY 77.70"), text);
        }
        assertProblem(Https.get("/api/v1/tills/branch-cash", AsUser.TELLER, AsUser.TELLER_PASSWORD), 403, "FORBIDDEN");
    }

    @Test
    void everyResponseCarriesTheBrowserProtectionsAndTheSessionCookieStaysOnThisSite() throws Exception {
        HttpResponse<String> root = Https.get("https://localhost:8443/", null, null);
        assertEquals(302, root.statusCode(), "WildFly's welcome page is not served: / leads to Teller");
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/teller/"), root.headers().toString());
        HttpResponse<String> unauthenticated = Https.get("/api/v1/accounts/0001010000000016", null, null);
        assertEquals(401, unauthenticated.statusCode());
        HttpResponse<String> toSignIn = Https.get("/app/index.xhtml", null, null);
        assertEquals(302, toSignIn.statusCode());
        for (HttpResponse<String> response : List.of(Https.get("/login.xhtml", null, null),
                Https.get("/api/v1/accounts/0001010000000016", AsUser.TELLER, AsUser.TELLER_PASSWORD),
                unauthenticated, toSignIn, root, Https.get("http://localhost:8080/teller/login.xhtml", null, null),
                Https.get("https://localhost:8443/no-such-thing", null, null))) {
            String what = response.statusCode() + " " + response.uri() + " " + response.headers().map();
            assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="), what);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), what);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), csp);
        }
        // attribute names are case-insensitive (RFC 6265)
        String cookie = Https.get("/login.xhtml", null, null).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("").toLowerCase();
        assertTrue(cookie.contains("; secure") && cookie.contains("; httponly") && cookie.contains("samesite=strict"),
                cookie);
    }

    @Test
    void plainHttpIsRedirectedToHttps() throws Exception {
        HttpResponse<String> response = Https.get("http://localhost:8080/teller/login.xhtml", null, null);
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").startsWith("https://localhost:8443/"));
    }

    /** Verifies, registers and opens a class-I account for a new individual, as a teller's client would. */
    private static String openAccount() throws Exception {
        String residentId = TestData.residentId();
        HttpResponse<String> verified = post("/api/v1/customers/verifications", null,
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":\"王五\"}");
        assertEquals(201, verified.statusCode(), verified.body());
        assertEquals("MATCH", json(verified).getString("result"));
        HttpResponse<String> customer = post("/api/v1/customers/individuals", TestData.requestId("api-customer"),
                "{\"verificationId\":" + json(verified).getJsonNumber("id") + ",\"name\":\"王五\",\"residentId\":\""
                        + residentId + "\",\"phone\":\"13800138000\",\"address\":\"上海市黄浦区南京东路8号\"}");
        assertEquals(201, customer.statusCode(), customer.body());
        HttpResponse<String> response = post("/api/v1/accounts", TestData.requestId("api-open"),
                "{\"customerId\":" + json(customer).getJsonNumber("id") + ",\"accountType\":\"INDIVIDUAL_I\"}");
        assertEquals(201, response.statusCode(), response.body());
        return json(response).getString("accountNumber");
    }

    private static HttpResponse<String> deposit(String account, String amountJson, String key) throws Exception {
        return post("/api/v1/cash-deposits", key,
                "{\"accountNumber\":\"" + account + "\",\"amount\":" + amountJson + ",\"currency\":\"CNY\"}");
    }

    private static HttpResponse<String> post(String path, String key, String json) throws Exception {
        return Https.postJson(path, AsUser.TELLER, AsUser.TELLER_PASSWORD, key, json);
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

    /** Downloads a PDF as the teller and returns its text. */
    private static String pdfText(String path) throws Exception {
        HttpResponse<byte[]> response = Https.getBytes(path, AsUser.TELLER, AsUser.TELLER_PASSWORD, "application/pdf");
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
