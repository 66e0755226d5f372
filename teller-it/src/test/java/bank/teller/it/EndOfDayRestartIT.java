package bank.teller.it;

import static bank.teller.it.DayApi.SUPERVISOR;
import static bank.teller.it.DayApi.SUPERVISOR_PASSWORD;
import static bank.teller.it.DayApi.assertCompletedInOrder;
import static bank.teller.it.DayApi.businessDate;
import static bank.teller.it.DayApi.closeTheDemoBranch;
import static bank.teller.it.DayApi.finished;
import static bank.teller.it.DayApi.run;
import static bank.teller.it.DayApi.startEndOfDay;
import static bank.teller.it.DayApi.totalAndDone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Instant;
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
 * End of day killed in the middle of the interest accrual: WildFly gets SIGKILL while the accrual
 * step has done part of its accounts, starts again, and a supervisor restarts the run on the screen.
 * It goes on from the step's checkpoints, completes, and every account is accrued exactly once (its
 * balance-sum is one day of its balance), and the step's report counts each account once. On a
 * server and PostgreSQL database of its own, with {@value #ACCOUNTS} generated accounts
 * (bench/eod/accounts.sql), before the suite's WildFly takes the same ports.
 */
class EndOfDayRestartIT {

    static final int ACCOUNTS = 60_000;
    private static final Path HOME = Path.of("target", "restart-server").toAbsolutePath();
    private static final ServedTeller SERVER = new ServedTeller(HOME);
    private static final String DATABASE = "teller_restart";
    private static Map<String, String> environment;
    private static final List<String> STEPS = List.of("checks", "cut-off", "accrual", "settlement", "dormancy",
            "statements", "statement-manifest", "trial-balance", "audit", "roll");

    @BeforeAll
    static void serverWithManyAccounts() throws Exception {
        ServedTeller.deleteRecursively(HOME);
        environment = ServedTeller.freshPostgres(DATABASE);
        SERVER.boot("first", environment, "-Dteller.first-business-date=2027-01-05", "-Dteller.eod.time=off");
        ServedTeller.script("pg_admin", "-d", DATABASE, "-v", "accounts=" + ACCOUNTS, "-f", "bench/eod/accounts.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        if (SERVER.running()) {
            SERVER.stop();
        }
    }

    @Test
    void endOfDayKilledInTheMiddleOfTheAccrualResumesFromItsCheckpointAndAccruesEveryAccountOnce() throws Exception {
        assertEquals("2027-01-05", businessDate());
        closeTheDemoBranch();
        long execution = startEndOfDay("2027-01-05", ",\"partitions\":2");

        long[] atKill = accrualUnderWay(execution);
        SERVER.kill();
        assertTrue(atKill[1] > 0 && atKill[1] < atKill[0], "killed in the middle of the accrual: " + atKill[1]
                + " of " + atKill[0] + " accounts done");

        SERVER.boot("second", environment, "-Dteller.eod.time=off");
        JsonObject interrupted = run(execution);
        assertEquals("STARTED", interrupted.getJsonObject("run").getString("batchStatus"),
                "the repository still says it runs: " + interrupted);
        assertTrue(interrupted.getBoolean("restartable"), "its server is gone, so it may be restarted: " + interrupted);

        WebDriver browser = Browsers.newBrowser();
        try {
            Browsers.signIn(browser, SUPERVISOR, SUPERVISOR_PASSWORD);
            WebDriverWait wait = Browsers.waitFor(browser);
            browser.get(Https.BASE + "/app/end-of-day.xhtml");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("eod:restart"))).click();
            wait.until(d -> !d.findElement(By.id("eod:run-execution")).getText().equals(String.valueOf(execution)));
            long restarted = Long.parseLong(browser.findElement(By.id("eod:run-execution")).getText());
            JsonObject run = finished(restarted);
            assertCompletedInOrder(run, STEPS);
            wait.until(ExpectedConditions.textToBe(By.id("eod:run-status"), "COMPLETED"));
            JsonObject accrual = step(run, "accrual");
            long[] counted = totalAndDone(accrual);
            assertTrue(counted[0] >= ACCOUNTS, "every account was to be accrued: " + accrual);
            assertEquals(counted[0], counted[1], "each account counted once in the report: " + accrual);
        } finally {
            browser.quit();
        }
        assertEquals("2027-01-06", businessDate());

        // one day (Tuesday the 5th) of 100.00 for every generated account: accrued once, none twice, none left out
        String accrued = ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT COUNT(*) || ' ' || "
                + "COUNT(*) FILTER (WHERE i.balance_sum = 100.00 AND i.accrued_through = DATE '2027-01-05' "
                + "AND i.interest = 0.0009722222) FROM account a JOIN interest_accrual i ON i.account_number = a.account_number "
                + "WHERE a.account_number LIKE '9%'").strip();
        assertEquals(ACCOUNTS + " " + ACCOUNTS, accrued, "accrual rows of the generated accounts, and those of one day");

        SERVER.stop();
        SERVER.assertNoErrorInTheLog();
    }

    /** Waits until the accrual step has done some of its accounts (not all); answers its total and done. */
    private static long[] accrualUnderWay(long execution) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = run(execution);
            JsonObject accrual = step(run, "accrual");
            if (accrual != null) {
                long[] counts = totalAndDone(accrual);
                if (counts[0] > 0 && counts[1] * 10 >= counts[0]) {
                    return counts;
                }
            }
            if (!run.getJsonObject("run").getString("batchStatus").startsWith("START")) {
                fail("end of day ended before the accrual was under way: " + run);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the accrual never got under way");
    }

    private static JsonObject step(JsonObject run, String name) {
        return run.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(step -> name.equals(step.getString("name"))).findFirst().orElse(null);
    }
}
