package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Teller's metrics on the management interface's {@code /prometheus} (issue 20) and the request id that
 * follows a call: postings counted by type and channel once committed (a refused one not at all), API
 * calls timed by operation with latency buckets, sign-in refusals counted, the backlogs read from the
 * database; an HTTP call's {@code X-Request-Id} answered back, carried to the core system's message
 * (the simulator keeps it with its booking) and in the JSON log's context of the posting's record.
 * In the container: it reads the server's log and sets a logger's level.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final String PROMETHEUS = "http://127.0.0.1:9990/prometheus";
    private static final String CORE_BOOKINGS = "https://localhost:8443/core-sim/api/bookings/";
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("metrics-it", MetricsIT.class, Https.class, Tokens.class);
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels} ("k=v" each). */
    private static double sample(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)) {
                Map<String, String> found = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
                boolean all = true;
                for (String wanted : labels) {
                    String[] kv = wanted.split("=", 2);
                    all &= kv[1].equals(found.get(kv[0]));
                }
                if (all) {
                    sum += Double.parseDouble(sample.group(3));
                }
            }
        }
        return sum;
    }

    private static String scrape() throws Exception {
        HttpResponse<String> response = Https.get(PROMETHEUS, null, null);
        assertEquals(200, response.statusCode(), "a local scraper needs no credentials");
        return response.body();
    }

    private static HttpResponse<String> deposit(String account, String amount, String requestId) throws Exception {
        String cookie = Https.sessionOf(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        HttpRequest.Builder request = Https.inSession("/api/v1/cash-deposits", cookie)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", TestData.requestId("metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"accountNumber\":\"" + account + "\",\"amount\":\"" + amount
                        + "\",\"currency\":\"CNY\"}", StandardCharsets.UTF_8));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return Https.send(request.build());
    }

    /** A new customer's class I account, opened through the API as the teller. */
    private static String openAccount() throws Exception {
        String residentId = TestData.residentId();
        HttpResponse<String> verified = Https.postJson("/api/v1/customers/verifications", AsUser.TELLER,
                AsUser.TELLER_PASSWORD, null, "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":\"王五\"}");
        assertEquals(201, verified.statusCode(), verified.body());
        HttpResponse<String> customer = Https.postJson("/api/v1/customers/individuals", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                TestData.requestId("metrics-customer"), "{\"verificationId\":" + json(verified.body()).getJsonNumber("id")
                        + ",\"name\":\"王五\",\"residentId\":\"" + residentId
                        + "\",\"phone\":\"13800138000\",\"address\":\"上海市黄浦区南京东路8号\"}");
        assertEquals(201, customer.statusCode(), customer.body());
        HttpResponse<String> opened = Https.postJson("/api/v1/accounts", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                TestData.requestId("metrics-open"), "{\"customerId\":" + json(customer.body()).getJsonNumber("id")
                        + ",\"accountType\":\"INDIVIDUAL_I\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return json(opened.body()).getString("accountNumber");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void postingsAreCountedByTypeAndChannelOnceCommittedAndApiCallsTimedByOperation() throws Exception {
        String account = openAccount();
        String before = scrape();
        HttpResponse<String> posted = deposit(account, "12.34", null);
        assertEquals(201, posted.statusCode(), posted.body());
        HttpResponse<String> refused = deposit(account, "-1.00", null);
        assertEquals(400, refused.statusCode(), refused.body());
        String after = scrape();

        String[] deposits = {"type=CASH_DEPOSIT", "channel=COUNTER"};
        assertEquals(sample(before, "teller_postings_total", deposits) + 1, sample(after, "teller_postings_total", deposits),
                "one posting counted, the refused one not");
        String[] operation = {"operation=PostingsResource.deposit"};
        assertEquals(sample(before, "teller_api_calls_seconds_count", operation[0], "status=2xx") + 1,
                sample(after, "teller_api_calls_seconds_count", operation[0], "status=2xx"));
        assertEquals(sample(before, "teller_api_calls_seconds_count", operation[0], "status=4xx") + 1,
                sample(after, "teller_api_calls_seconds_count", operation[0], "status=4xx"));
        // the latency buckets: cumulative, every call within +Inf
        assertEquals(sample(before, "teller_api_latency_total", operation[0], "le=+Inf") + 2,
                sample(after, "teller_api_latency_total", operation[0], "le=+Inf"));
        double previous = 0;
        for (String le : new String[] {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"}) {
            double within = sample(after, "teller_api_latency_total", operation[0], "le=" + le);
            assertTrue(within >= previous, "cumulative at le=" + le);
            previous = within;
        }
        assertEquals(sample(after, "teller_api_calls_seconds_count", operation[0]), previous, "+Inf counts every call");
        // the server's own figures are there beside Teller's
        assertTrue(sample(after, "datasources_pool_in_use_count") >= 0 && after.contains("datasources_pool_in_use_count{"));
        assertTrue(after.contains("messaging_activemq_message_count{"), "the queues' depths");
    }

    @Test
    void signInRefusalsAreCounted() throws Exception {
        double before = sample(scrape(), "teller_sign_in_refusals_total");
        assertEquals(401, Https.signIn("no-such-user", "wrong-password", "000000").statusCode());
        assertEquals(before + 1, sample(scrape(), "teller_sign_in_refusals_total"));
    }

    @Test
    void backlogsBreaksAndEndOfDayStepsAreReadFromTheDatabase() throws Exception {
        Await.until(() -> {
            String scrape = scrape();
            return sample(scrape, "teller_core_outbox_parked") == Sql.count(
                    "SELECT COUNT(*) FROM core_outbox WHERE parked_at IS NOT NULL")
                    && sample(scrape, "teller_reconciliation_breaks") == Sql.count(
                    "SELECT COUNT(*) FROM core_break WHERE status = 'OPEN'")
                    && sample(scrape, "teller_clearing_outbox_waiting") == Sql.count("SELECT COUNT(*) FROM clearing_outbox");
        });
        List<String> steps = Sql.strings("SELECT DISTINCT s.stepname FROM step_execution s JOIN job_execution e "
                + "ON e.jobexecutionid = s.jobexecutionid WHERE e.jobinstanceid = (SELECT MAX(i.jobinstanceid) "
                + "FROM job_instance i WHERE i.jobname = 'end-of-day')");
        String scrape = scrape();
        for (String step : steps) {
            assertTrue(scrape.contains("teller_end_of_day_step_seconds{") && scrape.matches(
                    "(?s).*teller_end_of_day_step_seconds\\{[^}]*step=\"" + Pattern.quote(step) + "\"[^}]*} [0-9.]+.*"),
                    "the latest end of day's step " + step);
        }
    }

    @Test
    void theRequestIdFollowsTheCallThroughThePostingToTheCoreMessageAndTheLog() throws Exception {
        Logger ledger = Logger.getLogger("bank.teller.ledger.application.Ledger");
        Level was = ledger.getLevel();
        ledger.setLevel(Level.FINE);
        String account = openAccount();
        String requestId = "it-" + TestData.requestId("trace");
        HttpResponse<String> posted;
        try {
            posted = deposit(account, "5.00", requestId);
        } finally {
            ledger.setLevel(was);
        }
        assertEquals(201, posted.statusCode(), posted.body());
        assertEquals(requestId, posted.headers().firstValue("X-Request-Id").orElse(null), "answered back");
        long entryId = json(posted.body()).getJsonNumber("entryId").longValue();

        // the core system's message carries it
        Await.until(() -> Https.get(CORE_BOOKINGS + entryId, null, null).statusCode() == 200);
        JsonObject booking = json(Https.get(CORE_BOOKINGS + entryId, null, null).body());
        assertEquals(requestId, booking.getJsonObject("posting").getString("requestId"));

        // the posting's log record: one JSON line, the request id and channel in its context, no account number
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        String record = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"posted entry " + entryId + " ")).findFirst().orElseThrow();
        JsonObject json = json(record);
        assertEquals(requestId, json.getJsonObject("mdc").getString("requestId"));
        assertEquals("COUNTER", json.getJsonObject("mdc").getString("channel"));
        assertFalse(record.contains(account), record);

        // a call without one (or with a malformed one) gets one made for it
        HttpResponse<String> other = deposit(account, "1.00", "not a well-formed id!");
        assertEquals(201, other.statusCode(), other.body());
        assertTrue(other.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f-]{36}"));
    }
}
