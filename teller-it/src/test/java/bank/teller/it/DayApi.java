package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import bank.teller.platform.DemoData;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business day through the REST API, for the tests that run whole days on a server of their own
 * (the demo users): the date, deposits, a till counted and closed, end-of-day runs read by the auditor
 * (while a supervisor works on the screen: one session per user, and the API's would end theirs).
 */
final class DayApi {

    static final String TELLER = AsUser.TELLER;
    static final String TELLER_PASSWORD = AsUser.TELLER_PASSWORD;
    static final String SUPERVISOR = AsUser.SUPERVISOR;
    static final String SUPERVISOR_PASSWORD = AsUser.SUPERVISOR_PASSWORD;
    static final String AUDITOR = DemoData.AUDITOR;
    static final String AUDITOR_PASSWORD = DemoData.AUDITOR_PASSWORD;

    private DayApi() {
    }

    static String businessDate() throws Exception {
        return ok(Https.get("/api/v1/business-day", TELLER, TELLER_PASSWORD)).getString("businessDate");
    }

    /** Starts end of day for {@code businessDate} as the supervisor; answers the execution. */
    static long startEndOfDay(String businessDate, String more) throws Exception {
        return ok(Https.postJson("/api/v1/end-of-day", SUPERVISOR, SUPERVISOR_PASSWORD, null,
                "{\"businessDate\":\"" + businessDate + "\"" + more + "}"), 202).getJsonNumber("executionId").longValue();
    }

    static JsonObject run(long execution) throws Exception {
        return ok(Https.get("/api/v1/end-of-day/" + execution, AUDITOR, AUDITOR_PASSWORD));
    }

    /** The run once it no longer runs (failing after three minutes). */
    static JsonObject finished(long execution) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (true) {
            JsonObject run = run(execution);
            if (!run.getJsonObject("run").getString("batchStatus").startsWith("START")) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("end of day still runs after 3 minutes: " + run);
            }
            Thread.sleep(500);
        }
    }

    /** The step's report rows (one per partition), summed: total, and done (posted, skipped, failed). */
    static long[] totalAndDone(JsonObject step) {
        long total = 0;
        long done = 0;
        for (JsonValue partition : step.getJsonArray("partitions")) {
            JsonObject p = partition.asJsonObject();
            total += p.getJsonNumber("total").longValue();
            done += p.getJsonNumber("posted").longValue() + p.getJsonNumber("skipped").longValue()
                    + p.getJsonNumber("failed").longValue();
        }
        return new long[] {total, done};
    }

    /** Every step ran, in {@code steps}' order, and completed; each step's report counts all its items done, none failed. */
    static void assertCompletedInOrder(JsonObject run, List<String> steps) {
        assertEquals("COMPLETED", run.getJsonObject("run").getString("batchStatus"), run.toString());
        JsonArray ran = run.getJsonArray("steps");
        assertEquals(steps, ran.stream().map(s -> s.asJsonObject().getString("name")).toList(), run.toString());
        for (JsonValue value : ran) {
            JsonObject step = value.asJsonObject();
            assertEquals("COMPLETED", step.getString("status"), step.toString());
            for (JsonValue partition : step.getJsonArray("partitions")) {
                assertEquals(0, partition.asJsonObject().getJsonNumber("failed").longValue(), step.toString());
            }
            long[] counts = totalAndDone(step);
            assertEquals(counts[0], counts[1], "every item of " + step.getString("name") + " done: " + step);
        }
    }

    /** Counts the user's till: the pieces of the position it should hold, largest notes first. */
    static void countAndClose(String user, String password) throws Exception {
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

    /** Both demo tills counted and closed, and the demo branch's day closed by its supervisor. */
    static void closeTheDemoBranch() throws Exception {
        countAndClose(TELLER, TELLER_PASSWORD);
        countAndClose(SUPERVISOR, SUPERVISOR_PASSWORD);
        JsonObject branch = ok(Https.postJson("/api/v1/business-day/branches/0001/close", SUPERVISOR,
                SUPERVISOR_PASSWORD, null, "{}"));
        assertEquals(true, branch.getBoolean("closed"), branch.toString());
    }

    /** A cash deposit by the demo teller; answers the HTTP response (201 with the receipt, or a problem). */
    static HttpResponse<String> depositing(String account, String amount) throws Exception {
        return Https.postJson("/api/v1/cash-deposits", TELLER, TELLER_PASSWORD, TestData.requestId("dep"),
                "{\"accountNumber\":\"" + account + "\",\"amount\":\"" + amount + "\"}");
    }

    /** A cash deposit by the demo teller; answers its receipt. */
    static JsonObject deposit(String account, String amount) throws Exception {
        return ok(depositing(account, amount), 201);
    }

    static BigDecimal balanceOf(String account) throws Exception {
        return new BigDecimal(ok(Https.get("/api/v1/accounts/" + account, TELLER, TELLER_PASSWORD)).getString("balance"));
    }

    static JsonArray transactionsOf(String account) throws Exception {
        return ok(Https.get("/api/v1/accounts/" + account + "/transactions?page=0&size=200", TELLER, TELLER_PASSWORD))
                .getJsonArray("items");
    }

    /** The number of the first account of the demo customer {@code name}. */
    static String accountOf(String name) throws Exception {
        return accountOf(name, null);
    }

    /** The customer's first account of the type (INDIVIDUAL_II ...; null: of any type). */
    static String accountOf(String name, String accountType) throws Exception {
        JsonArray found = json(Https.get("/api/v1/customers?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                SUPERVISOR, SUPERVISOR_PASSWORD), 200).asJsonArray();
        long id = found.getJsonObject(0).getJsonNumber("id").longValue();
        return json(Https.get("/api/v1/customers/" + id + "/accounts", SUPERVISOR, SUPERVISOR_PASSWORD), 200)
                .asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(a -> accountType == null || accountType.equals(a.getString("accountType")))
                .findFirst().orElseThrow(() -> new AssertionError(name + " has no account of type " + accountType))
                .getString("accountNumber");
    }

    static JsonObject ok(HttpResponse<String> response) {
        return ok(response, 200);
    }

    static JsonObject ok(HttpResponse<String> response, int status) {
        return json(response, status).asJsonObject();
    }

    static JsonValue json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readValue();
    }
}
