package bank.teller.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * End of day over a large database (bench/eod, bench/proof): as the demo supervisor, force-closes
 * every branch with tills still open (end of day closes those without counter business itself),
 * starts the end-of-day run for the business date with {@code -Dpartitions}, follows it to its end,
 * and prints a line per step (items, seconds, items per second and the WildFly heap's peak while it
 * ran, sampled every second with jstat on {@code -Dserver.pid}). Exit status 1 when the run does not
 * complete. With {@code -Dkill.during=STEP} it kills the server (SIGKILL to {@code -Dserver.pid}) as
 * soon as that step has done a tenth of its items; with {@code -Drestart=EXECUTION} it restarts that
 * run instead of starting one, and follows the restarted run.
 */
public final class EndOfDayBench {

    private EndOfDayBench() {
    }

    /** A heap sample: when, the heap used (eden, survivors and old generation) and the old generation, in MiB. */
    record Heap(Instant at, double usedMb, double oldMb) {
    }

    public static void main(String[] args) throws Exception {
        Api supervisor = Target.supervisor();
        HttpClient http = Api.client();
        int partitions = Integer.getInteger("partitions", Runtime.getRuntime().availableProcessors());
        String serverPid = System.getProperty("server.pid");
        String killDuring = System.getProperty("kill.during");
        String restart = System.getProperty("restart");
        List<Heap> heap = new ArrayList<>();
        Process jstat = sampleHeap(serverPid, heap);

        Instant started = Instant.now();
        long execution;
        if (restart != null) {
            execution = ok(supervisor.post(http, "/end-of-day/" + restart + "/restart", UUID.randomUUID().toString(), "{}"))
                    .getJsonNumber("executionId").longValue();
            System.out.printf("end of day restarted: execution %d after %s%n", execution, restart);
        } else {
            String businessDate = closeTheBranches(supervisor, http);
            started = Instant.now();
            execution = ok(supervisor.post(http, "/end-of-day", UUID.randomUUID().toString(), "{\"businessDate\":\""
                    + businessDate + "\",\"partitions\":" + partitions + "}")).getJsonNumber("executionId").longValue();
            System.out.printf("end of day %s: execution %d, %d partitions%n", businessDate, execution, partitions);
        }

        JsonObject run;
        String lastProgress = "";
        while (true) {
            run = ok(supervisor.get(http, "/end-of-day/" + execution));
            String status = run.getJsonObject("run").getString("batchStatus");
            String progress = progress(run);
            if (!progress.equals(lastProgress)) {
                System.out.printf("  %5ds %s%n", Duration.between(started, Instant.now()).toSeconds(), progress);
                lastProgress = progress;
            }
            if (killDuring != null && underWay(run, killDuring)) {
                ProcessHandle.of(Long.parseLong(serverPid)).orElseThrow().destroyForcibly();
                System.out.printf("killed %s (SIGKILL) during %s: %s%n", serverPid, killDuring, progress);
                System.exit(0);
            }
            if (!status.startsWith("START")) {
                break;
            }
            Thread.sleep(killDuring == null ? 1_000 : 100);
        }
        if (killDuring != null) {
            System.out.println("the run ended before its " + killDuring + " step was under way: nothing killed");
            System.exit(1);
        }
        if (jstat != null) {
            jstat.destroy();
        }
        String status = run.getJsonObject("run").getString("batchStatus");
        System.out.printf("run status=%s seconds=%d heap_peak_mb=%.0f old_peak_mb=%.0f%n", status,
                Duration.between(started, Instant.now()).toSeconds(), peak(heap, null, null, false),
                peak(heap, null, null, true));
        for (JsonValue value : run.getJsonArray("steps")) {
            JsonObject step = value.asJsonObject();
            Instant from = instant(step, "started");
            Instant to = instant(step, "ended");
            double seconds = from == null || to == null ? 0 : Duration.between(from, to).toMillis() / 1000.0;
            long done = sum(step, "done");
            // a rate only over a tenth of a second or more (a step's times are to the millisecond)
            System.out.println(String.format(Locale.ROOT, "step date=%s name=%s status=%s items=%d seconds=%.1f "
                            + "per_second=%.0f heap_peak_mb=%.0f old_peak_mb=%.0f", run.getString("businessDate"),
                    step.getString("name"), step.getString("status"), done, seconds, seconds >= 0.1 ? done / seconds : 0,
                    peak(heap, from, to, false), peak(heap, from, to, true)));
        }
        System.exit("COMPLETED".equals(status) ? 0 : 1);
    }

    /**
     * As the demo supervisor, force-closes every branch with tills still open (end of day closes
     * those without counter business itself); answers the business date.
     */
    static String closeTheBranches(Api supervisor, HttpClient http) throws Exception {
        JsonObject day = ok(supervisor.get(http, "/business-day"));
        for (JsonValue value : day.getJsonArray("branches")) {
            JsonObject branch = value.asJsonObject();
            if (!branch.getBoolean("closed") && !branch.getJsonArray("blockers").isEmpty()) {
                ok(supervisor.post(http, "/business-day/branches/" + branch.getString("branchCode") + "/close",
                        UUID.randomUUID().toString(),
                        "{\"force\":true,\"reason\":\"bench: the counters' day is not part of the benchmark\"}"));
            }
        }
        return day.getString("businessDate");
    }

    /** Whether the step has done at least a tenth of its items and not all of them. */
    private static boolean underWay(JsonObject run, String name) {
        return run.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(step -> step.getString("name").equals(name)).anyMatch(step -> {
                    long total = sum(step, "total");
                    long done = sum(step, "done");
                    return total > 0 && done * 10 >= total && done < total;
                });
    }

    /** "step done/total" of the steps under way or done, for the progress lines. */
    private static String progress(JsonObject run) {
        StringBuilder line = new StringBuilder(run.getJsonObject("run").getString("batchStatus"));
        for (JsonValue value : run.getJsonArray("steps")) {
            JsonObject step = value.asJsonObject();
            if ("STARTED".equals(step.getString("status"))) {
                line.append(' ').append(step.getString("name")).append(' ').append(sum(step, "done") / 1_000 * 1_000)
                        .append('/').append(sum(step, "total"));
            }
        }
        return line.toString();
    }

    /** The step's total, or its items done (posted, skipped or failed), over its partitions' report rows. */
    private static long sum(JsonObject step, String field) {
        List<String> fields = field.equals("done") ? List.of("posted", "skipped", "failed") : List.of(field);
        return step.getJsonArray("partitions").stream().map(JsonValue::asJsonObject)
                .mapToLong(p -> fields.stream().mapToLong(f -> p.getJsonNumber(f).longValue()).sum()).sum();
    }

    private static Instant instant(JsonObject step, String field) {
        return step.isNull(field) ? null : Instant.parse(step.getString(field));
    }

    /** The largest sample between {@code from} and {@code to} (null: open), of the old generation or the heap used. */
    private static double peak(List<Heap> heap, Instant from, Instant to, boolean old) {
        synchronized (heap) {
            return heap.stream().filter(h -> (from == null || !h.at().isBefore(from)) && (to == null || !h.at().isAfter(to)))
                    .mapToDouble(h -> old ? h.oldMb() : h.usedMb()).max().orElse(0);
        }
    }

    /** {@code jstat -gc} every second on the server's JVM, each line stamped as it arrives; null without a pid. */
    private static Process sampleHeap(String pid, List<Heap> heap) throws Exception {
        if (pid == null || pid.isBlank()) {
            return null;
        }
        Process jstat = new ProcessBuilder("jstat", "-gc", pid, "1000").redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String[] header = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields[0].equals("S0C")) {
                        header = fields;
                    } else if (header != null && fields.length == header.length) {
                        double used = kb(header, fields, "S0U") + kb(header, fields, "S1U") + kb(header, fields, "EU")
                                + kb(header, fields, "OU");
                        synchronized (heap) {
                            heap.add(new Heap(Instant.now(), used / 1024, kb(header, fields, "OU") / 1024));
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("heap sampling stopped: " + e);
            }
        }, "jstat");
        reader.setDaemon(true);
        reader.start();
        return jstat;
    }

    private static double kb(String[] header, String[] fields, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                return Double.parseDouble(fields[i]);
            }
        }
        return 0;
    }

    static JsonObject ok(Api.Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }
}
