package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Teller server as the README's run command serves it ({@code ./teller serve}) in a folder of its
 * own, for the tests that run before the suite's WildFly takes the same ports: booted with the
 * environment and settings a test gives, stopped gracefully, and its log read for errors.
 */
final class ServedTeller {

    /**
     * Warnings logged with a stack trace that are no failure of Teller's: IronJacamar's pool sometimes
     * finds a connection handed back twice when a return races another thread's take (IJ000609, its
     * JBJCA-1511, fixed after the IronJacamar of WildFly 39); the connection is in the pool all the same.
     */
    /** A text line at ERROR, or of a stack trace. */
    private static final Pattern TEXT_PROBLEM = Pattern.compile(
            "^(\\S+ \\S+ (ERROR|SEVERE) |\\s+at [\\w$.]+\\(|Caused by: |\\s+\\.\\.\\. \\d+ more)");
    private static final List<String> BENIGN_WARNINGS = List.of("IJ000609: Attempt to return connection twice");
    private static final Duration BOOT = Duration.ofMinutes(4);

    private final Path home;
    private Process server;

    ServedTeller(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    /**
     * A fresh PostgreSQL database {@code name} (its role and password the same name) and the
     * environment that serves Teller on it with the demo data.
     */
    static Map<String, String> freshPostgres(String name) throws Exception {
        script("ensure_postgres");
        script("ensure_database", name, name, name, "fresh");
        return Map.of("TELLER_DB", "postgres", "TELLER_DB_NAME", name, "TELLER_DB_USER", name, "TELLER_DB_PASSWORD", name,
                "TELLER_DEMO_DATA", "true");
    }

    /** The checkout's root, where the {@code teller} script is. */
    static Path root() {
        return Path.of(System.getProperty("teller.root", ".."));
    }

    /** Runs one of the {@code teller} script's functions (e.g. ensure_database) as the CI machine has it; answers its output. */
    static String script(String... command) throws Exception {
        List<String> all = new ArrayList<>(List.of("bash", "-c", "source ./teller && \"$@\"", "teller"));
        all.addAll(List.of(command));
        Process process = new ProcessBuilder(all).directory(root().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(600, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed: " + output);
        return output;
    }

    /**
     * Starts {@code ./teller serve} with {@code environment} (TELLER_HOME is this folder) and
     * {@code settings}, its output in {@code <home>-<which>.out}, and waits until it answers.
     */
    void boot(String which, Map<String, String> environment, String... settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(root().resolve("teller").toAbsolutePath().toString(), "serve",
                "-Djava.net.preferIPv4Stack=true"));
        command.addAll(List.of(settings));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root().toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolveSibling(home.getFileName() + "-" + which + ".out").toFile());
        builder.environment().remove("TELLER_DB");
        builder.environment().putAll(environment);
        builder.environment().put("TELLER_HOME", home.toString());
        server = builder.start();
        Instant deadline = Instant.now().plus(BOOT);
        while (true) {
            if (!server.isAlive()) {
                fail("./teller serve ended with " + server.exitValue() + ", see " + home.getFileName() + "-" + which + ".out");
            }
            try {
                if (Https.send(Https.inSession(Https.BASE + "/login.xhtml", null).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            if (Instant.now().isAfter(deadline)) {
                fail("./teller serve did not answer within " + BOOT);
            }
            Thread.sleep(1000);
        }
    }

    boolean running() {
        return server != null && server.isAlive();
    }

    /** SIGKILL to WildFly and the script that started it: no shutdown, as when a machine dies. */
    void kill() throws InterruptedException {
        List<ProcessHandle> processes = server.descendants().toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle process : processes) {
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    /** SIGTERM to WildFly (a graceful shutdown, logged like any other), then waits for it to end. */
    void stop() throws InterruptedException {
        List<ProcessHandle> processes = new ArrayList<>(server.descendants().toList());
        processes.forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            processes.forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle process : processes) {
            process.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> {
                process.destroyForcibly();
                return process;
            }).join();
        }
    }

    /** The server log holds no ERROR line and no stack trace. */
    void assertNoErrorInTheLog() throws IOException {
        List<String> problems = problemsIn(home.resolve("standalone/log/server.log"));
        assertTrue(problems.isEmpty(), problems.size() + " ERROR or stack trace lines in the server log, the first:\n"
                + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
    }

    /**
     * The records of a server log (JSON lines, wildfly-config teller.cli) at ERROR or with a stack trace,
     * but for one WildFly logs at ERROR for a timer that fell due while the server was suspending to shut
     * down (WFLYEJB0467, "the container is suspended", harmless by WildFly's own account, WFLY-4939):
     * Teller's background runs time themselves every second, so one may fall due in that window. The
     * lines the set-up's offline CLI writes before the server's logging is configured are text, read as such.
     */
    static List<String> problemsIn(Path log) throws IOException {
        List<String> problems = new ArrayList<>();
        boolean stopping = false;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject record;
            try {
                record = Json.createReader(new StringReader(line)).readObject();
            } catch (JsonException text) {
                if (TEXT_PROBLEM.matcher(line).find()) {
                    problems.add(line);
                }
                continue;
            }
            String message = record.getString("message", "");
            stopping = stopping || message.contains("WFLYSRV0272"); // Suspending server
            boolean error = Set.of("ERROR", "SEVERE", "FATAL").contains(record.getString("level", ""));
            boolean benign = BENIGN_WARNINGS.stream().anyMatch(message::contains)
                    || stopping && message.contains("WFLYEJB0467");
            if ((error || record.containsKey("stackTrace")) && !benign) {
                problems.add(line);
            }
        }
        return problems;
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> all = Files.walk(path)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
