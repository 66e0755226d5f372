package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.platform.DemoData;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newcomer's first run: the server the README's run command boots ({@code ./teller serve}, what
 * {@code ./teller run} starts after its build) on the embedded H2 database, in a fresh folder. A
 * teller signs in on the screen and deposits cash; the deposit's core posting must leave the outbox;
 * end of day, scheduled three minutes after the boot, starts by itself and stops at its checks (the
 * demo tills are open); and the server log must hold no ERROR and no stack trace, from boot to
 * shutdown. Then the same server folder boots again in another time zone (Asia/Shanghai first,
 * America/New_York with its daylight saving second): it must read the same instants and find the
 * audit trail intact. Runs in a failsafe execution of its own, before the suite's WildFly (on
 * PostgreSQL) takes the same ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultSmokeIT {

    private static final Path HOME = Path.of("target", "smoke-server").toAbsolutePath();
    /** The branches' time zone, end of day's default (teller.eod.zone). */
    private static final ZoneId BRANCHES = ZoneId.of("Asia/Shanghai");
    private static final ServedTeller SERVER = new ServedTeller(HOME);
    private static String account;
    private static JsonArray transactionsSeenFirst;

    /**
     * A fresh folder, but for the TLS keystore an earlier Teller left there, made with WildFly's
     * default password: the first start must give it the password it keeps in the credential store.
     */
    @BeforeAll
    static void freshFolder() throws Exception {
        ServedTeller.deleteRecursively(HOME);
        Path configuration = Files.createDirectories(HOME.resolve("standalone/configuration"));
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-validity", "30", "-storetype", "JKS",
                "-keystore", configuration.resolve("application.keystore").toString(),
                "-storepass", "password", "-keypass", "password").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (SERVER.running()) {
            SERVER.stop();
        }
    }

    @Test
    @Order(1)
    void aTellerDepositsOnTheEmbeddedDefaultItsPostingReachesTheCoreQueueAndTheLogHoldsNoError() throws Exception {
        ZonedDateTime endOfDay = endOfDayInThreeMinutes();
        boot("Asia/Shanghai", "first", "-Dteller.eod.time=" + endOfDay.toLocalTime());
        account = accountOf("张三");
        WebDriver browser = Browsers.newBrowser();
        try {
            Browsers.signIn(browser, AsUser.TELLER, AsUser.TELLER_PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(Https.BASE + "/app/account.xhtml?number=" + account);
            String before = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("balance"))).getText();

            assertNotNull(Browsers.post(browser, wait, "DEPOSIT", "321.00", null), "the deposit was confirmed");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("voucher-number")));
            String after = wait.until(d -> {
                String shown = d.findElement(By.id("balance")).getText();
                return shown.equals(before) ? null : shown;
            });
            assertEquals(amount(before).add(new BigDecimal("321.00")), amount(after));
        } finally {
            browser.quit();
        }

        JsonObject depth = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            depth = json(Https.get("/api/v1/core-outbox", AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD)).asJsonObject();
            if (depth.getInt("pending") == 0) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(0, depth.getInt("pending"), "core postings still wait in the outbox: " + depth);
        assertEquals(0, depth.getInt("parked"), depth.toString());

        assertNoSecretInClear();
        transactionsSeenFirst = transactionsOf(account);
        HttpResponse<String> sealed = Https.postJson("/api/v1/audit/seals", DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD,
                TestData.requestId("seal"), "{}");
        assertEquals(2, sealed.statusCode() / 100, "the chains sealed before the restart: " + sealed.body());
        assertIntact();
        assertTheScheduledEndOfDayStartedAndStoppedAtItsChecks(endOfDay);
        Thread.sleep(3000); // a few more runs of the relay
        SERVER.stop();
        SERVER.assertNoErrorInTheLog();
    }

    @Test
    @Order(2)
    void theSameServerStartedInAnotherTimeZoneReadsTheSameInstantsAndItsAuditTrailIsIntact() throws Exception {
        assertNotNull(transactionsSeenFirst, "the first boot ran");
        boot("America/New_York", "second");
        assertEquals(transactionsSeenFirst, transactionsOf(account));
        assertIntact();
        SERVER.stop();
        SERVER.assertNoErrorInTheLog();
    }

    private static void boot(String timeZone, String which, String... settings) throws Exception {
        SERVER.boot(which, Map.of("TZ", timeZone), settings);
    }

    /**
     * A time to schedule end of day at, three minutes from now in the branches' time zone (Teller
     * boots within them) and on the same date as now: a run scheduled past midnight would find the
     * business date (the first boot's date) over, so just before midnight it waits for the new day.
     */
    private static ZonedDateTime endOfDayInThreeMinutes() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(BRANCHES);
        if (now.toLocalTime().isAfter(LocalTime.of(23, 55))) {
            Thread.sleep(Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(BRANCHES)).toMillis() + 1_000);
            now = ZonedDateTime.now(BRANCHES);
        }
        return now.plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * End of day starts by itself at its scheduled time (teller.eod.time) on the business day, and with
     * the demo tills still open it stops at its checks: the run FAILED, the checks' exit status
     * BRANCHES OPEN, and the date has not rolled.
     */
    private static void assertTheScheduledEndOfDayStartedAndStoppedAtItsChecks(ZonedDateTime scheduled)
            throws Exception {
        String businessDate = json(Https.get("/api/v1/business-day", DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD))
                .asJsonObject().getString("businessDate");
        assertEquals(scheduled.toLocalDate().toString(), businessDate, "a fresh database begins on today's date");
        Instant deadline = scheduled.toInstant().plusSeconds(120);
        HttpResponse<String> latest;
        while ((latest = Https.get("/api/v1/end-of-day", DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD)).statusCode() != 200
                || json(latest).asJsonObject().getJsonObject("run").getString("batchStatus").startsWith("START")) {
            assertTrue(Instant.now().isBefore(deadline), "no end of day ran by itself at " + scheduled + ": "
                    + latest.body());
            Thread.sleep(1_000);
        }
        JsonObject run = json(latest).asJsonObject();
        assertEquals(businessDate, run.getString("businessDate"), run.toString());
        assertEquals("FAILED", run.getJsonObject("run").getString("batchStatus"), run.toString());
        assertEquals("BRANCHES OPEN", run.getJsonArray("steps").getJsonObject(0).getString("exitStatus"), run.toString());
        assertEquals(businessDate, json(Https.get("/api/v1/business-day", DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD))
                .asJsonObject().getString("businessDate"), "the date did not roll");
    }

    private static JsonArray transactionsOf(String number) throws Exception {
        return json(Https.get("/api/v1/accounts/" + number + "/transactions?page=0&size=200", AsUser.SUPERVISOR,
                AsUser.SUPERVISOR_PASSWORD)).asJsonObject().getJsonArray("items");
    }

    private static void assertIntact() throws Exception {
        JsonObject report = json(Https.get("/api/v1/audit/verification", DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD))
                .asJsonObject();
        assertTrue(report.getJsonArray("findings").isEmpty(), "the audit verifier found: " + report);
        assertTrue(report.getJsonNumber("records").longValue() > 0, report.toString());
    }

    /**
     * The server's secrets are encrypted expressions resolved from its credential store, and Teller
     * used them: it made no key file of its own.
     */
    private static void assertNoSecretInClear() throws IOException {
        Path configuration = HOME.resolve("standalone/configuration");
        String xml = Files.readString(configuration.resolve("standalone-full.xml"));
        for (String secret : List.of("teller.audit.mac-key", "teller.security.secret-key", "teller.db.h2-password",
                "teller.db.password", "teller.tls.keystore-password")) {
            assertTrue(Pattern.compile("<property name=\"" + Pattern.quote(secret) + "\" value=\"\\$\\{ENC::teller:")
                    .matcher(xml).find(), secret + " is an encrypted expression");
        }
        Matcher passwords = Pattern.compile("<datasource[^>]*pool-name=\"(Teller\\w+)\"[\\s\\S]*?password=\"([^\"]*)\"")
                .matcher(xml);
        int teller = 0;
        while (passwords.find()) {
            teller++;
            assertTrue(passwords.group(2).startsWith("${"), passwords.group(1) + "'s password is in clear");
        }
        assertEquals(2, teller, "both of Teller's datasources were checked");
        assertFalse(xml.contains("clear-text=\"password\""), "WildFly's default keystore password, in clear");
        assertEquals(2, Pattern.compile("<credential-reference clear-text=\"\\$\\{ENC::teller:").matcher(xml).results().count(),
                "the keystore and its key manager take the password from the store");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                configuration.resolve("teller-secrets.cs"))));
        for (String keyFile : List.of("audit-mac.key", "secrets.key")) {
            assertFalse(Files.exists(HOME.resolve("standalone/data/teller").resolve(keyFile)),
                    keyFile + ": Teller took its keys from the credential store");
        }
    }

    /** The number of the first account of the demo customer {@code name}. */
    private static String accountOf(String name) throws Exception {
        JsonArray found = json(Https.get("/api/v1/customers?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD)).asJsonArray();
        long id = found.getJsonObject(0).getJsonNumber("id").longValue();
        JsonArray accounts = json(Https.get("/api/v1/customers/" + id + "/accounts", AsUser.SUPERVISOR,
                AsUser.SUPERVISOR_PASSWORD)).asJsonArray();
        return accounts.getJsonObject(0).getString("accountNumber");
    }

    private static jakarta.json.JsonValue json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readValue();
    }

    private static BigDecimal amount(String shown) {
        return new BigDecimal(shown.replace(" CNY", "").replace(",", "").strip());
    }
}
