package bank.teller.it;

import static bank.teller.it.DayApi.SUPERVISOR;
import static bank.teller.it.DayApi.SUPERVISOR_PASSWORD;
import static bank.teller.it.DayApi.assertCompletedInOrder;
import static bank.teller.it.DayApi.businessDate;
import static bank.teller.it.DayApi.closeTheDemoBranch;
import static bank.teller.it.DayApi.finished;
import static bank.teller.it.DayApi.ok;
import static bank.teller.it.DayApi.run;
import static bank.teller.it.DayApi.startEndOfDay;
import static bank.teller.it.DayApi.totalAndDone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End of day killed three times on the month's last business day: WildFly gets SIGKILL while the
 * accrual step has done part of its accounts, starts again, and a supervisor restarts the run on the
 * screen; then SIGKILL while the maturities step has renewed part of the {@value #DEPOSITS} time
 * deposits maturing that day, and again while the statements step has written part of the month's
 * statements, each time restarted through the API. It goes on from the steps' checkpoints and
 * completes: every deposit is renewed exactly once, every
 * account is accrued exactly once (its balance-sum is one day of its balance), every statement is
 * one PDF and one CSV (the chunk written again when the kill came is rewritten, never doubled, and no
 * half-written file is left), the manifest lists them all, and each step's report counts each
 * account once. On a server and PostgreSQL database of its own, with {@value #ACCOUNTS} generated
 * accounts (bench/eod/accounts.sql), before the suite's WildFly takes the same ports.
 */
class EndOfDayRestartIT {

    static final int ACCOUNTS = 60_000;
    /** Three-month time deposits maturing on the 31st, renewed with their interest (bench/eod/deposits.sql). */
    static final int DEPOSITS = 3_000;
    /** Wednesday the 31st, the month's last business day: end of day accrues and writes the statements. */
    private static final String MONTH_END = "2027-03-31";
    private static final Path HOME = Path.of("target", "restart-server").toAbsolutePath();
    private static final ServedTeller SERVER = new ServedTeller(HOME);
    private static final String DATABASE = "teller_restart";
    private static Map<String, String> environment;
    private static final List<String> STEPS = List.of("checks", "cut-off", "accrual", "settlement", "maturities",
            "overdue-accrual", "loss-lapses", "periodic-fees", "dormancy", "statements", "statement-manifest",
            "core-reconciliation", "warehouse", "day-figures", "reports", "trial-balance", "audit", "roll");

    @BeforeAll
    static void serverWithManyAccounts() throws Exception {
        ServedTeller.deleteRecursively(HOME);
        environment = ServedTeller.freshPostgres(DATABASE);
        SERVER.boot("first", environment, "-Dteller.first-business-date=" + MONTH_END, "-Dteller.eod.time=off");
        ServedTeller.script("pg_admin", "-d", DATABASE, "-v", "accounts=" + ACCOUNTS, "-f", "bench/eod/accounts.sql");
        ServedTeller.script("pg_admin", "-d", DATABASE, "-v", "deposits=" + DEPOSITS, "-v", "matures='" + MONTH_END + "'",
                "-f", "bench/eod/deposits.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        if (SERVER.running()) {
            SERVER.stop();
        }
    }

    @Test
    void endOfDayKilledInTheAccrualAndInTheStatementsResumesFromItsCheckpointsAndDoesEachAccountOnce() throws Exception {
        assertEquals(MONTH_END, businessDate());
        closeTheDemoBranch();
        long execution = startEndOfDay(MONTH_END, ",\"partitions\":2");

        long[] atKill = underWay(execution, "accrual");
        SERVER.kill();
        assertTrue(atKill[1] > 0 && atKill[1] < atKill[0], "killed in the middle of the accrual: " + atKill[1]
                + " of " + atKill[0] + " accounts done");

        SERVER.boot("second", environment, "-Dteller.eod.time=off");
        JsonObject interrupted = run(execution);
        assertEquals("STARTED", interrupted.getJsonObject("run").getString("batchStatus"),
                "the repository still says it runs: " + interrupted);
        assertTrue(interrupted.getBoolean("restartable"), "its server is gone, so it may be restarted: " + interrupted);

        long restarted;
        WebDriver browser = Browsers.newBrowser();
        try {
            Browsers.signIn(browser, SUPERVISOR, SUPERVISOR_PASSWORD);
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(Https.BASE + "/app/end-of-day.xhtml");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("eod:restart"))).click();
            wait.until(d -> !d.findElement(By.id("eod:run-execution")).getText().equals(String.valueOf(execution)));
            restarted = Long.parseLong(browser.findElement(By.id("eod:run-execution")).getText());
        } finally {
            browser.quit();
        }

        atKill = underWay(restarted, "maturities");
        SERVER.kill();
        assertTrue(atKill[1] > 0 && atKill[1] < atKill[0], "killed in the middle of the maturities: " + atKill[1]
                + " of " + atKill[0] + " deposits done");
        SERVER.boot("third", environment, "-Dteller.eod.time=off");
        long resumed = ok(Https.postJson("/api/v1/end-of-day/" + restarted + "/restart", SUPERVISOR, SUPERVISOR_PASSWORD,
                null, "{}"), 202).getJsonNumber("executionId").longValue();

        atKill = underWay(resumed, "statements");
        SERVER.kill();
        assertTrue(atKill[1] > 0 && atKill[1] < atKill[0], "killed in the middle of the statements: " + atKill[1]
                + " of " + atKill[0] + " accounts done");
        SERVER.boot("fourth", environment, "-Dteller.eod.time=off");
        long again = ok(Https.postJson("/api/v1/end-of-day/" + resumed + "/restart", SUPERVISOR, SUPERVISOR_PASSWORD,
                null, "{}"), 202).getJsonNumber("executionId").longValue();
        JsonObject run = finished(again);
        assertCompletedInOrder(run, STEPS);
        long[] accrual = totalAndDone(step(run, "accrual"));
        assertTrue(accrual[0] >= ACCOUNTS, "every account was to be accrued: " + step(run, "accrual"));
        assertEquals(accrual[0], accrual[1], "each account counted once in the report: " + step(run, "accrual"));
        JsonObject statementStep = step(run, "statements");
        long[] statements = totalAndDone(statementStep);
        assertEquals(statements[0], statements[1], "each account counted once in the report: " + statementStep);
        long written = statementStep.getJsonArray("partitions").stream()
                .mapToLong(p -> p.asJsonObject().getJsonNumber("posted").longValue()).sum();
        assertTrue(written >= ACCOUNTS, "every generated account opened this month: " + statementStep);
        assertEquals("2027-04-01", businessDate());

        // one day (Wednesday the 31st) of 100.00 for every generated account: accrued once, none twice, none left out
        String accrued = ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT COUNT(*) || ' ' || "
                + "COUNT(*) FILTER (WHERE i.balance_sum = 100.00 AND i.accrued_through = DATE '" + MONTH_END + "' "
                + "AND i.interest = 0.0009722222) FROM account a JOIN interest_accrual i ON i.account_number = a.account_number "
                + "WHERE a.account_number LIKE '9%'").strip();
        assertEquals(ACCOUNTS + " " + ACCOUNTS, accrued, "accrual rows of the generated accounts, and those of one day");

        // every generated deposit renewed once: one entry of 27.50 (10,000 x 1.10 % x 90 / 360), its next term to June
        String renewed = ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT COUNT(*) || ' ' || "
                + "COUNT(*) FILTER (WHERE a.balance = 10027.50 AND t.term_start = DATE '" + MONTH_END + "' AND t.matures_on "
                + "= DATE '2027-06-30') || ' ' || (SELECT COUNT(*) FROM journal_line l JOIN journal_entry e ON e.id = "
                + "l.entry_id WHERE e.entry_type = 'DEPOSIT_RENEWAL' AND l.account_number LIKE '8%' AND l.amount = 27.50) "
                + "FROM account a JOIN term_deposit t ON t.account_number = a.account_number WHERE a.account_number LIKE '8%'")
                .strip();
        assertEquals(DEPOSITS + " " + DEPOSITS + " " + DEPOSITS, renewed,
                "generated deposits, those renewed once with their interest, and their renewal entries");
        long[] maturities = totalAndDone(step(run, "maturities"));
        assertEquals(maturities[0], maturities[1], "each deposit counted once in the report: " + step(run, "maturities"));

        // one PDF and one CSV per statement, nothing half written, all of them in the manifest
        Path day = HOME.resolve("standalone/data/statements/" + MONTH_END);
        Map<String, Long> kinds;
        try (Stream<Path> walk = Files.walk(day)) {
            kinds = walk.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .collect(Collectors.groupingBy(name -> name.substring(name.lastIndexOf('.') + 1), Collectors.counting()));
        }
        assertEquals(Map.of("pdf", written, "csv", written + 1), kinds,
                "files by kind in " + day + ": a PDF and a CSV per statement, and the manifest.csv (no .tmp left)");
        List<String> manifest = Files.readAllLines(day.resolve("manifest.csv"));
        assertEquals("count," + 2 * written + ",", manifest.get(manifest.size() - 1));

        SERVER.stop();
        SERVER.assertNoErrorInTheLog();
    }

    /** Waits until the step has done some of its accounts (at least a tenth, not all); answers its total and done. */
    private static long[] underWay(long execution, String name) throws Exception {
        Instant deadline = Instant.now().plusSeconds(300);
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = run(execution);
            JsonObject step = step(run, name);
            if (step != null) {
                long[] counts = totalAndDone(step);
                if (counts[0] > 0 && counts[1] * 10 >= counts[0]) {
                    return counts;
                }
            }
            if (!run.getJsonObject("run").getString("batchStatus").startsWith("START")) {
                fail("end of day ended before the " + name + " was under way: " + run);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the " + name + " never got under way");
    }

    private static JsonObject step(JsonObject run, String name) {
        return run.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(step -> name.equals(step.getString("name"))).findFirst().orElse(null);
    }
}
