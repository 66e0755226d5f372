package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bank.teller.platform.DemoData;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two whole business days on a server of their own ({@code ./teller serve} on a fresh PostgreSQL
 * database, its first business date Friday 19 March 2027): tills opened, posted to, counted and
 * closed; the branch closes its day; end of day accrues demand interest for Friday and the weekend
 * (Saturday the 20th ends the quarter's period) and rolls to Monday; Monday's tills open again,
 * the branch closes on its screen and end of day, started on its screen, settles the quarter's
 * interest (结息) and rolls to Tuesday. Runs before the suite's WildFly, which takes the same ports.
 */
class BusinessDaysIT {

    private static final Path HOME = Path.of("target", "days-server").toAbsolutePath();
    private static final ServedTeller SERVER = new ServedTeller(HOME);
    private static final String DATABASE = "teller_days";
    private static final String TELLER = AsUser.TELLER;
    private static final String TELLER_PASSWORD = AsUser.TELLER_PASSWORD;
    private static final String SUPERVISOR = AsUser.SUPERVISOR;
    private static final String SUPERVISOR_PASSWORD = AsUser.SUPERVISOR_PASSWORD;
    /** Reads the runs while the supervisor works on the screen (one session per user: the API's would end it). */
    private static final String AUDITOR = DemoData.AUDITOR;
    private static final String AUDITOR_PASSWORD = DemoData.AUDITOR_PASSWORD;
    private static final BigDecimal DAILY_RATE = new BigDecimal("0.0035");
    private static final List<String> STEPS = List.of("checks", "cut-off", "accrual", "settlement", "dormancy",
            "trial-balance", "audit", "roll");

    @BeforeAll
    static void freshServer() throws Exception {
        ServedTeller.deleteRecursively(HOME);
        ServedTeller.script("ensure_postgres");
        ServedTeller.script("ensure_database", DATABASE, DATABASE, DATABASE, "fresh");
        SERVER.boot("first", Map.of("TELLER_DB", "postgres", "TELLER_DB_NAME", DATABASE, "TELLER_DB_USER", DATABASE,
                "TELLER_DB_PASSWORD", DATABASE, "TELLER_DEMO_DATA", "true"),
                "-Dteller.first-business-date=2027-03-19", "-Dteller.eod.time=off");
    }

    @AfterAll
    static void stop() throws Exception {
        if (SERVER.running()) {
            SERVER.stop();
        }
    }

    @Test
    void aFridayAndAMondayEachCloseTheirDayAndMondaysEndOfDaySettlesTheQuartersInterest() throws Exception {
        assertEquals("2027-03-19", businessDate());
        String account = accountOf("张三");

        // Friday, through the API: a deposit, both demo tills counted and closed, the branch closed
        deposit(account, "36000.00");
        BigDecimal friday = balanceOf(account);
        countAndClose(TELLER, TELLER_PASSWORD);
        countAndClose(SUPERVISOR, SUPERVISOR_PASSWORD);
        JsonObject branch = ok(Https.postJson("/api/v1/business-day/branches/0001/close", SUPERVISOR,
                SUPERVISOR_PASSWORD, null, "{}"));
        assertTrue(branch.getBoolean("closed"), branch.toString());
        JsonObject fridayRun = endOfDay(ok(Https.postJson("/api/v1/end-of-day", SUPERVISOR, SUPERVISOR_PASSWORD, null,
                "{\"businessDate\":\"2027-03-19\"}"), 202).getJsonNumber("executionId").longValue());
        assertCompletedInOrder(fridayRun);
        assertEquals("2027-03-22", businessDate(), "Friday rolls to Monday");

        // Friday's balance earns Friday, Saturday the 20th (the period's last day) and Sunday
        JsonObject interest = ok(Https.get("/api/v1/accounts/" + account + "/interest", TELLER, TELLER_PASSWORD));
        assertEquals("2027-03-19", interest.getString("since"));
        assertEquals("2027-03-21", interest.getString("accruedThrough"));
        assertEquals(friday.multiply(BigDecimal.valueOf(3)).setScale(2), new BigDecimal(interest.getString("balanceSum")));
        assertEquals(interestOf(friday, 3), new BigDecimal(interest.getString("interest")));

        // Monday: the till opens again with what Friday's count found, a deposit, the count
        JsonObject till = ok(Https.postJson("/api/v1/tills/sessions", TELLER, TELLER_PASSWORD,
                TestData.requestId("open"), "{}"), 201);
        assertEquals("2027-03-22", till.getString("businessDate"));
        deposit(account, "1000.00");
        BigDecimal monday = balanceOf(account);
        countAndClose(TELLER, TELLER_PASSWORD);

        // Monday's close and end of day on the supervisor's screen
        WebDriver browser = Browsers.newBrowser();
        try {
            Browsers.signIn(browser, SUPERVISOR, SUPERVISOR_PASSWORD);
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(Https.BASE + "/app/end-of-day.xhtml");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$=':close-day']"))).click();
            wait.until(d -> d.findElements(By.cssSelector("[id$=':close-day']")).isEmpty());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("eod:start"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            String fridayExecution = String.valueOf(fridayRun.getJsonObject("run").getJsonNumber("executionId").longValue());
            String mondayExecution = wait.until(d -> {
                String shown = d.findElement(By.id("eod:run-execution")).getText();
                return shown.equals(fridayExecution) ? null : shown;
            });
            assertEquals("2027-03-22", endOfDay(Long.parseLong(mondayExecution)).getString("businessDate"));
            wait.until(ExpectedConditions.textToBe(By.id("eod:run-status"), "COMPLETED"));
        } finally {
            browser.quit();
        }
        assertCompletedInOrder(ok(Https.get("/api/v1/end-of-day", AUDITOR, AUDITOR_PASSWORD)));
        assertEquals("2027-03-23", businessDate(), "Monday rolls to Tuesday");

        // the quarter's interest, to Saturday the 20th, is posted on Monday's end of day, one line "结息"
        BigDecimal settled = interestOf(friday, 2);
        JsonObject posting = transactionsOf(account).stream().map(JsonValue::asJsonObject)
                .filter(t -> "INTEREST_SETTLEMENT".equals(t.getString("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no interest settlement among " + account + "'s postings"));
        assertEquals("2027-03-22", posting.getString("businessDate"));
        assertEquals("CREDIT", posting.getString("side"));
        assertEquals(settled, new BigDecimal(posting.getString("amount")));
        assertEquals(monday.add(settled), balanceOf(account));

        // the new period: Sunday at Friday's balance, Monday at Monday's (before the interest was posted)
        interest = ok(Https.get("/api/v1/accounts/" + account + "/interest", TELLER, TELLER_PASSWORD));
        assertEquals("2027-03-21", interest.getString("since"));
        assertEquals("2027-03-22", interest.getString("accruedThrough"));
        assertEquals(friday.add(monday).setScale(2), new BigDecimal(interest.getString("balanceSum")));

        SERVER.stop();
        SERVER.assertNoErrorInTheLog();
    }

    /** Every step ran, in the job's order, and completed; each step's report counts all its items done. */
    private static void assertCompletedInOrder(JsonObject run) {
        assertEquals("COMPLETED", run.getJsonObject("run").getString("batchStatus"), run.toString());
        JsonArray steps = run.getJsonArray("steps");
        assertEquals(STEPS, steps.stream().map(s -> s.asJsonObject().getString("name")).toList(), run.toString());
        for (JsonValue value : steps) {
            JsonObject step = value.asJsonObject();
            assertEquals("COMPLETED", step.getString("status"), step.toString());
            long total = 0;
            long done = 0;
            for (JsonValue partition : step.getJsonArray("partitions")) {
                JsonObject p = partition.asJsonObject();
                total += p.getJsonNumber("total").longValue();
                done += p.getJsonNumber("posted").longValue() + p.getJsonNumber("skipped").longValue()
                        + p.getJsonNumber("failed").longValue();
                assertEquals(0, p.getJsonNumber("failed").longValue(), step.toString());
            }
            assertEquals(total, done, "every item of " + step.getString("name") + " done: " + step);
        }
    }

    private static JsonObject endOfDay(long execution) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (true) {
            JsonObject run = ok(Https.get("/api/v1/end-of-day/" + execution, AUDITOR, AUDITOR_PASSWORD));
            String status = run.getJsonObject("run").getString("batchStatus");
            if (!status.startsWith("START")) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("end of day still runs after 3 minutes: " + run);
            }
            Thread.sleep(500);
        }
    }

    /** Counts the user's till: the pieces of the position it should hold, largest notes first. */
    private static void countAndClose(String user, String password) throws Exception {
        JsonObject till = ok(Https.get("/api/v1/tills/sessions/current", user, password));
        BigDecimal left = new BigDecimal(till.getString("position"));
        Map<String, Integer> pieces = new LinkedHashMap<>();
        for (String denomination : List.of("100", "50", "20", "10", "5", "1", "0.5", "0.1")) {
            int count = left.divideToIntegralValue(new BigDecimal(denomination)).intValueExact();
            if (count > 0) {
                pieces.put(denomination, count);
                left = left.subtract(new BigDecimal(denomination).multiply(BigDecimal.valueOf(count)));
            }
        }
        assertEquals(0, left.signum(), "the position " + till.getString("position") + " is in notes and coins to 0.1");
        StringBuilder body = new StringBuilder("{\"pieces\":{");
        pieces.forEach((denomination, count) -> body.append(body.length() > 11 ? "," : "")
                .append('"').append(denomination).append("\":").append(count));
        JsonObject counted = ok(Https.postJson("/api/v1/tills/sessions/current/count", user, password,
                TestData.requestId("count"), body.append("}}").toString()));
        assertEquals("CLOSED", counted.getString("status"), counted.toString());
    }

    private static void deposit(String account, String amount) throws Exception {
        ok(Https.postJson("/api/v1/cash-deposits", TELLER, TELLER_PASSWORD, TestData.requestId("dep"),
                "{\"accountNumber\":\"" + account + "\",\"amount\":\"" + amount + "\"}"), 201);
    }

    /** The interest of {@code days} days of {@code balance} at 0.35 % a year, ACT/360, rounded to the fen. */
    private static BigDecimal interestOf(BigDecimal balance, int days) {
        return balance.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(360), 2, RoundingMode.HALF_UP);
    }

    private static String businessDate() throws Exception {
        return ok(Https.get("/api/v1/business-day", TELLER, TELLER_PASSWORD)).getString("businessDate");
    }

    private static BigDecimal balanceOf(String account) throws Exception {
        return new BigDecimal(ok(Https.get("/api/v1/accounts/" + account, TELLER, TELLER_PASSWORD)).getString("balance"));
    }

    private static JsonArray transactionsOf(String account) throws Exception {
        return ok(Https.get("/api/v1/accounts/" + account + "/transactions?page=0&size=200", TELLER, TELLER_PASSWORD))
                .getJsonArray("items");
    }

    /** The number of the first account of the demo customer {@code name}. */
    private static String accountOf(String name) throws Exception {
        JsonArray found = json(Https.get("/api/v1/customers?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                SUPERVISOR, SUPERVISOR_PASSWORD), 200).asJsonArray();
        long id = found.getJsonObject(0).getJsonNumber("id").longValue();
        String number = json(Https.get("/api/v1/customers/" + id + "/accounts", SUPERVISOR, SUPERVISOR_PASSWORD), 200)
                .asJsonArray().getJsonObject(0).getString("accountNumber");
        assertNotNull(number);
        return number;
    }

    private static JsonObject ok(HttpResponse<String> response) {
        return ok(response, 200);
    }

    private static JsonObject ok(HttpResponse<String> response, int status) {
        return json(response, status).asJsonObject();
    }

    private static JsonValue json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readValue();
    }
}
