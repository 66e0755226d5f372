package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Teller's health on the management interface (issue 20): ready when the database answers, the broker
 * takes a connection, the outboxes are under their limits and the latest end of day has not failed;
 * not ready (503, the check DOWN with its figures) when a backlog passes its limit; live while no
 * thread is deadlocked. In the container: the limits are the server's system properties.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private static final String MANAGEMENT = "http://127.0.0.1:9990/health/";
    /** The clearing outbox's limit (bank.teller.health.HealthChecks, in the EAR's lib/). */
    private static final String CLEARING_OUTBOX_MAX = "teller.health.clearing-outbox-max";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("health-it", HealthIT.class, Https.class, Tokens.class);
    }

    private record Answer(int status, Map<String, JsonObject> checks) {
    }

    private static Answer health(String kind) throws Exception {
        HttpResponse<String> response = Https.get(MANAGEMENT + kind, null, null);
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        return new Answer(response.statusCode(), body.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c, (a, b) -> a)));
    }

    @Test
    void readyWhileItsSystemsAnswerAndItsBacklogsAreUnderTheirLimitsAndLiveWithoutDeadlocks() throws Exception {
        Answer ready = health("ready");
        for (String name : new String[] {"database", "message-broker", "core-outbox", "clearing-outbox"}) {
            assertEquals("UP", ready.checks().get(name).getString("status"), name + ": " + ready.checks().get(name));
        }
        // end of day: DOWN exactly when its latest run failed (an earlier test may leave one to restart)
        String latest = Sql.string("SELECT e.batchstatus FROM job_execution e JOIN job_instance i ON i.jobinstanceid = "
                + "e.jobinstanceid WHERE i.jobname = 'end-of-day' ORDER BY e.jobexecutionid DESC LIMIT 1");
        JsonObject endOfDay = ready.checks().get("end-of-day");
        assertEquals("FAILED".equals(latest) ? "DOWN" : "UP", endOfDay.getString("status"), endOfDay.toString());
        boolean allUp = ready.checks().values().stream().allMatch(c -> "UP".equals(c.getString("status")));
        assertEquals(allUp ? 200 : 503, ready.status());
        assertEquals(Sql.count("SELECT COUNT(*) FROM core_outbox WHERE parked_at IS NOT NULL"),
                ready.checks().get("core-outbox").getJsonObject("data").getJsonNumber("parked").longValue());

        Answer live = health("live");
        assertEquals(200, live.status());
        assertEquals("UP", live.checks().get("deadlocks").getString("status"));
    }

    @Test
    void aBacklogOverItsLimitMakesTellerNotReadyUntilItIsUnderItAgain() throws Exception {
        System.setProperty(CLEARING_OUTBOX_MAX, "-1"); // any backlog, even none, is over it
        try {
            Answer ready = health("ready");
            assertEquals(503, ready.status());
            JsonObject clearing = ready.checks().get("clearing-outbox");
            assertEquals("DOWN", clearing.getString("status"), clearing.toString());
            assertEquals(-1, clearing.getJsonObject("data").getJsonNumber("max").longValue());
            assertTrue(clearing.getJsonObject("data").containsKey("waiting"), clearing.toString());
            assertEquals(200, health("live").status(), "a backlog is not a reason to restart");
        } finally {
            System.clearProperty(CLEARING_OUTBOX_MAX);
        }
        assertEquals("UP", health("ready").checks().get("clearing-outbox").getString("status"));
    }
}
