package bank.teller.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ops/rehearse nodes' checks of Teller on two nodes (issue 20), after the bank workload ran through the
 * balancer with a node killed. Argument: what to check.
 * <ul>
 * <li>{@code core}: waits (up to {@code -Dsettle} seconds, 180) until the core outbox is empty and every
 * posting sent to the core is acknowledged; then the core simulator ({@code -Dcore}, its API root) was
 * brought exactly the postings Teller recorded as sent, and none in two messages: Teller sent none twice
 * (the broker's redeliveries keep a message's JMS id, a second send has another).</li>
 * <li>{@code eod}: end of day asked of both nodes at once ({@code -Dnode1}, {@code -Dnode2}: their API
 * roots, not the balancer), by two supervisors each signed in on one node: one run starts, the other node
 * refuses; the node that did not start it is asked to restart the run and refuses; the run completes, the
 * only end-of-day execution of that date.</li>
 * </ul>
 * Prints one line of findings; exit status 0 when all holds.
 */
public final class ClusterCheck {

    private ClusterCheck() {
    }

    public static void main(String[] args) throws Exception {
        List<String> violations = new ArrayList<>();
        String findings = switch (args.length == 0 ? "core" : args[0]) {
            case "core" -> core(violations);
            case "eod" -> endOfDay(violations);
            default -> throw new IllegalArgumentException("core or eod, not " + args[0]);
        };
        System.out.println(findings + " violations=" + violations.size());
        violations.forEach(v -> System.out.println("  VIOLATION " + v));
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    private static String core(List<String> violations) throws Exception {
        long settle = System.currentTimeMillis() + Long.getLong("settle", 180) * 1000;
        long waiting;
        long unacknowledged;
        long recorded;
        Callable<Connection> database = Target.database();
        while (true) {
            try (Connection db = database.call()) {
                waiting = count(db, "SELECT COUNT(*) FROM core_outbox");
                unacknowledged = count(db, "SELECT COUNT(*) FROM core_posting WHERE state = 'SENT'");
                recorded = count(db, "SELECT COUNT(*) FROM core_posting");
            }
            if (waiting == 0 && unacknowledged == 0 || System.currentTimeMillis() > settle) {
                break;
            }
            Thread.sleep(1_000);
        }
        HttpResponse<String> answer = Api.client().send(HttpRequest.newBuilder(URI.create(System.getProperty("core",
                "https://localhost:8743/core-sim/api") + "/sends")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonObject sends = Json.createReader(new StringReader(answer.body())).readObject();
        int brought = sends.getInt("postings");
        int twice = sends.getJsonArray("sentTwice").size();
        if (waiting > 0 || unacknowledged > 0) {
            violations.add(waiting + " postings still in the outbox and " + unacknowledged + " not acknowledged after the settle time");
        }
        if (brought != recorded) {
            violations.add("the core was brought " + brought + " postings, Teller recorded " + recorded + " as sent");
        }
        if (twice > 0) {
            violations.add(twice + " postings sent to the core twice: " + sends.getJsonArray("sentTwice"));
        }
        return "core: postings_sent=" + recorded + " brought_to_core=" + brought + " sent_twice=" + twice
                + " outbox=" + waiting + " unacknowledged=" + unacknowledged;
    }

    private static String endOfDay(List<String> violations) throws Exception {
        String node1 = System.getProperty("node1", "https://localhost:8543/teller/api/v1");
        String node2 = System.getProperty("node2", "https://localhost:8643/teller/api/v1");
        String password = System.getProperty("supervisor.password", "Super1!Demo");
        String totp = System.getProperty("supervisor.totp", "ON2XAZLSGEQGIZLNN4QHI33LMVXC4LRO");
        secondSupervisor(Target.database());
        Api[] supervisors = {new Api(node1, Api.signingIn(node1, "super1", password, totp)),
                new Api(node2, Api.signingIn(node2, "benchsup", password, totp))};
        HttpClient http = Api.client();
        String businessDate = EndOfDayBench.closeTheBranches(supervisors[0], http);
        for (Api supervisor : supervisors) {
            EndOfDayBench.ok(supervisor.get(http, "/business-day")); // both signed in before the race
        }

        CountDownLatch ready = new CountDownLatch(2);
        ExecutorService both = Executors.newFixedThreadPool(2);
        List<Future<Api.Answer>> asked = new ArrayList<>();
        for (Api supervisor : supervisors) {
            asked.add(both.submit(() -> {
                ready.countDown();
                ready.await();
                return supervisor.post(http, "/end-of-day", UUID.randomUUID().toString(),
                        "{\"businessDate\":\"" + businessDate + "\"}");
            }));
        }
        Api.Answer[] answers = {asked.get(0).get(), asked.get(1).get()};
        both.shutdown();
        int started = -1;
        for (int i = 0; i < 2; i++) {
            if (answers[i].status() == 202) {
                if (started >= 0) {
                    violations.add("both nodes started end of day of " + businessDate);
                }
                started = i;
            }
        }
        if (started < 0) {
            violations.add("neither node started end of day: " + answers[0].body() + " / " + answers[1].body());
            return "eod: none started";
        }
        int other = 1 - started;
        long execution = answers[started].json().getJsonNumber("executionId").longValue();
        String refusedStart = answers[other].status() + " " + answers[other].code();
        Api.Answer restart = supervisors[other].post(http, "/end-of-day/" + execution + "/restart",
                UUID.randomUUID().toString(), "{}");
        String refusedRestart = restart.status() + " " + restart.code();
        if (answers[other].status() != 409) {
            violations.add("node " + (other + 1) + " answered the second start " + answers[other].status() + " " + answers[other].body());
        }
        if (restart.status() != 409) {
            violations.add("node " + (other + 1) + " answered a restart of the run node " + (started + 1)
                    + " runs with " + restart.status() + " " + restart.body());
        }
        String status;
        while (true) {
            status = EndOfDayBench.ok(supervisors[started].get(http, "/end-of-day/" + execution)).getJsonObject("run")
                    .getString("batchStatus");
            if (!status.startsWith("START")) {
                break;
            }
            Thread.sleep(1_000);
        }
        if (!"COMPLETED".equals(status)) {
            violations.add("the end-of-day run ended " + status);
        }
        long executions;
        try (Connection db = Target.database().call();
             PreparedStatement runs = db.prepareStatement("SELECT COUNT(*) FROM job_execution e JOIN job_instance i "
                     + "ON i.jobinstanceid = e.jobinstanceid WHERE i.jobname = 'end-of-day' AND e.jobparameters LIKE ?")) {
            runs.setString(1, "%" + businessDate + "%");
            try (ResultSet result = runs.executeQuery()) {
                result.next();
                executions = result.getLong(1);
            }
        }
        if (executions != 1) {
            violations.add(executions + " end-of-day executions of " + businessDate);
        }
        return "eod: " + businessDate + " started on node " + (started + 1) + " (execution " + execution + ", " + status
                + "), node " + (other + 1) + " refused the start (" + refusedStart + ") and the restart (" + refusedRestart
                + "), executions_of_the_date=" + executions;
    }

    /** A second supervisor, benchsup, as the demo supervisor (their password and token), made once per database. */
    private static void secondSupervisor(Callable<Connection> database) throws Exception {
        try (Connection db = database.call();
             PreparedStatement user = db.prepareStatement("INSERT INTO app_user (username, password_hash, display_name, "
                     + "branch_code, enabled, till_code, totp_secret, password_changed_at) SELECT 'benchsup', password_hash, "
                     + "'压测主管', branch_code, TRUE, NULL, totp_secret, CURRENT_TIMESTAMP FROM app_user "
                     + "WHERE username = 'super1' ON CONFLICT (username) DO NOTHING");
             PreparedStatement roles = db.prepareStatement("INSERT INTO app_user_role (username, role_name) "
                     + "SELECT 'benchsup', role_name FROM app_user_role WHERE username = 'super1' ON CONFLICT DO NOTHING")) {
            user.executeUpdate();
            roles.executeUpdate();
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
