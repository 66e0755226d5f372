package bank.teller.it;

import static bank.teller.it.DayApi.AUDITOR;
import static bank.teller.it.DayApi.AUDITOR_PASSWORD;
import static bank.teller.it.DayApi.SUPERVISOR;
import static bank.teller.it.DayApi.SUPERVISOR_PASSWORD;
import static bank.teller.it.DayApi.TELLER;
import static bank.teller.it.DayApi.TELLER_PASSWORD;
import static bank.teller.it.DayApi.accountOf;
import static bank.teller.it.DayApi.assertCompletedInOrder;
import static bank.teller.it.DayApi.balanceOf;
import static bank.teller.it.DayApi.businessDate;
import static bank.teller.it.DayApi.closeTheDemoBranch;
import static bank.teller.it.DayApi.countAndClose;
import static bank.teller.it.DayApi.deposit;
import static bank.teller.it.DayApi.depositing;
import static bank.teller.it.DayApi.finished;
import static bank.teller.it.DayApi.json;
import static bank.teller.it.DayApi.ok;
import static bank.teller.it.DayApi.startEndOfDay;
import static bank.teller.it.DayApi.transactionsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.platform.DemoData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
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
 * interest (结息) and rolls to Tuesday; the rest of March's evenings close the branch themselves
 * (no till opened), and the 31st's writes the month's statements with their manifest. Runs before
 * the suite's WildFly, which takes the same ports.
 */
class BusinessDaysIT {

    private static final Path HOME = Path.of("target", "days-server").toAbsolutePath();
    private static final ServedTeller SERVER = new ServedTeller(HOME);
    private static final String DATABASE = "teller_days";
    private static final BigDecimal DAILY_RATE = new BigDecimal("0.0035");
    private static final List<String> STEPS = List.of("checks", "cut-off", "accrual", "settlement", "maturities",
            "overdue-accrual", "loss-lapses", "periodic-fees", "dormancy", "statements", "statement-manifest",
            "core-reconciliation", "warehouse", "day-figures", "reports", "trial-balance", "audit", "roll");

    @BeforeAll
    static void freshServer() throws Exception {
        ServedTeller.deleteRecursively(HOME);
        SERVER.boot("first", ServedTeller.freshPostgres(DATABASE), "-Dteller.first-business-date=2027-03-19",
                "-Dteller.eod.time=off");
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
        long fridayDeposit = deposit(account, "36000.00").getJsonNumber("entryId").longValue();
        BigDecimal friday = balanceOf(account);
        // a class II account takes 10,000.00 of cash a day: Friday's is used up
        String classTwo = accountOf("张三", "INDIVIDUAL_II");
        deposit(classTwo, "10000.00");
        assertEquals("CLASS_II_DAILY_LIMIT", json(depositing(classTwo, "0.01"), 409).asJsonObject().getString("code"));
        // a large deposit that waits for a supervisor nobody asks: Friday's cut-off expires it
        JsonObject waiting = json(depositing(account, "60000.00"), 409).asJsonObject();
        assertEquals("APPROVAL_REQUIRED", waiting.getString("code"), waiting.toString());
        long approval = waiting.getJsonNumber("approvalId").longValue();
        // Friday: 李四's deposits on certificates from teller1's till; two as if opened three months ago,
        // maturing on Saturday the 20th; the third's certificate reported lost by telephone (口头挂失)
        String liSi = accountOf("李四", "INDIVIDUAL_I");
        long liSiId = ok(Https.get("/api/v1/accounts/" + liSi, TELLER, TELLER_PASSWORD)).getJsonNumber("customerId")
                .longValue();
        String renewing = openDeposit(liSiId, "TIME_3M", "PRINCIPAL_AND_INTEREST", "00000001");
        String unrenewed = openDeposit(liSiId, "TIME_3M", "NONE", "00000002");
        String lost = openDeposit(liSiId, "TIME_1Y", "NONE", "00000003");
        String written = openDeposit(liSiId, "TIME_1Y", "NONE", "00000004");
        String liSiIdNumber = ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc",
                "SELECT id_number FROM customer WHERE id = " + liSiId).strip();
        ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "UPDATE term_deposit SET term_start = DATE '2026-12-20', "
                + "matures_on = DATE '2027-03-20' WHERE account_number IN ('" + renewing + "', '" + unrenewed + "')");
        ok(Https.postJson("/api/v1/deposits/" + lost + "/loss-reports", TELLER, TELLER_PASSWORD, TestData.requestId("lost"),
                "{\"certificateNo\":\"00000003\",\"kind\":\"ORAL\"}"));
        // the fourth's certificate reported lost in writing (书面挂失), the owner's ID seen: payment stops for seven days
        ok(Https.postJson("/api/v1/deposits/" + written + "/loss-reports", TELLER, TELLER_PASSWORD,
                TestData.requestId("lost"), "{\"certificateNo\":\"00000004\",\"kind\":\"WRITTEN\",\"idNumber\":\""
                        + liSiIdNumber + "\"}"));
        // a trainee's till left open at the training branch never holds up the bank's day: closed, forced
        ok(Https.postJson("/api/v1/tills/sessions", DemoData.TRAINEE, DemoData.TRAINEE_PASSWORD,
                TestData.requestId("open"), "{}"), 201);
        closeTheDemoBranch();
        JsonObject fridayRun = finished(startEndOfDay("2027-03-19", ""));
        assertCompletedInOrder(fridayRun, STEPS);
        assertEquals("t", ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT forced FROM branch_day "
                + "WHERE branch_code = '" + DemoData.TRAINING_BRANCH + "' AND business_date = DATE '2027-03-19'").strip());
        assertTheDepositsMaturingOnSaturdayAreRenewedOrWaiting(fridayRun, renewing, unrenewed);
        assertEquals("EXPIRED 1", fridayRun.getJsonArray("steps").getJsonObject(STEPS.indexOf("cut-off"))
                .getString("exitStatus"));
        assertEquals("EXPIRED", ok(Https.get("/api/v1/approvals/" + approval, TELLER, TELLER_PASSWORD)).getString("status"));
        assertEquals("2027-03-22", businessDate(), "Friday rolls to Monday");
        // the deposit that waits owes its overdue Saturday and Sunday at the demand rate: 0.1944... accrued to 应付利息
        assertEquals(1, posted(fridayRun, "overdue-accrual"));
        assertEquals("0.19", accruedInterestPayable());

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
        JsonObject reversal = json(Https.postJson("/api/v1/reversals", TELLER, TELLER_PASSWORD, TestData.requestId("rev"),
                "{\"entryId\":" + fridayDeposit + ",\"reason\":\"客户要求撤销\"}"), 409).asJsonObject();
        assertEquals("REVERSAL_NOT_SAME_DAY", reversal.getString("code"), "Friday is closed: an adjustment, not a reversal");
        deposit(account, "1000.00");
        BigDecimal monday = balanceOf(account);
        deposit(classTwo, "10000.00"); // Monday's daily limit starts at zero
        // the deposit that waited is paid to 李四 on Monday: its term, and two overdue days at the demand rate
        BigDecimal liSiBefore = balanceOf(liSi);
        JsonObject paid = ok(Https.postJson("/api/v1/deposits/" + unrenewed + "/withdrawals", TELLER, TELLER_PASSWORD,
                TestData.requestId("paid"), "{\"toAccount\":\"" + liSi + "\"}"), 201);
        assertEquals("27.69", paid.getString("interest"), "27.50 for the term, 10,000 x 0.35 % x 2 / 360 = 0.19");
        assertEquals(liSiBefore.add(new BigDecimal("10027.69")), balanceOf(liSi));
        assertEquals("0.00", accruedInterestPayable(), "the payout takes the accrued 0.19 out of 应付利息");
        String[] feePayers = theMonthsFeePayers();
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
            assertEquals("2027-03-22", finished(Long.parseLong(mondayExecution)).getString("businessDate"));
            wait.until(ExpectedConditions.textToBe(By.id("eod:run-status"), "COMPLETED"));
        } finally {
            browser.quit();
        }
        assertCompletedInOrder(ok(Https.get("/api/v1/end-of-day", AUDITOR, AUDITOR_PASSWORD)), STEPS);
        // operations' home page shows the run's steps to an administrator too
        assertCompletedInOrder(ok(Https.get("/api/v1/end-of-day", "admin1", DemoData.ADMIN_PASSWORD)), STEPS);
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

        // the rest of March: no till opens, so end of day closes the branch itself each evening; on
        // Wednesday the 31st, the month's last business day, it writes the month's statements
        for (String day : List.of("2027-03-23", "2027-03-24", "2027-03-25", "2027-03-26", "2027-03-29", "2027-03-30",
                "2027-03-31")) {
            assertEquals(day, businessDate());
            JsonObject run = finished(startEndOfDay(day, ""));
            assertCompletedInOrder(run, STEPS);
            JsonObject statements = run.getJsonArray("steps").getJsonObject(STEPS.indexOf("statements"));
            assertEquals(day.equals("2027-03-31"), statements.getJsonArray("partitions").stream()
                    .anyMatch(p -> p.asJsonObject().getJsonNumber("posted").longValue() > 0), day + ": " + statements);
            assertEquals(day.equals("2027-03-31") ? 1 : 0, posted(run, "periodic-fees"), day + ": the month's fees");
            String reconciled = run.getJsonArray("steps").getJsonObject(STEPS.indexOf("core-reconciliation"))
                    .getString("exitStatus");
            assertTrue(reconciled.startsWith("CLEAN"), day + ": the core booked the day as Teller did: " + reconciled);
        }
        assertEquals("2027-04-01", businessDate());
        assertTheMonthsPeriodicFeesAreCharged(feePayers[0], feePayers[1]);
        assertTheMonthsStatementsAreWrittenWithTheirManifest(account);
        for (String day : List.of("2027-03-22", "2027-03-31")) { // the interest settled; the month's fees
            assertTheWarehouseExtractAgreesWithTheJournal(day, liSiIdNumber);
        }
        // the oral loss report of Friday the 19th, never followed in writing, lapsed after Wednesday the 24th
        JsonObject lostNow = ok(Https.get("/api/v1/deposits/" + lost, TELLER, TELLER_PASSWORD));
        assertTrue(!lostNow.containsKey("loss") || lostNow.isNull("loss"), "payment resumes: " + lostNow);
        JsonObject lapse = lostNow.getJsonArray("history").getJsonObject(lostNow.getJsonArray("history").size() - 1);
        assertEquals("LOSS_LAPSED", lapse.getString("event"));
        assertEquals("2027-03-24", lapse.getString("businessDate"));
        assertTheWrittenReportsCertificateIsReissuedAfterItsWaitThenPaidOut(written, liSi, liSiIdNumber);
        assertEquals("end-of-day", ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT string_agg(DISTINCT actor, ',') "
                + "FROM audit_record WHERE action IN ('BUSINESS_DATE_ROLL', 'INTEREST_SETTLEMENT', 'STATEMENTS_WRITTEN')").strip(),
                "end of day's changes are the system user's in the audit trail");

        SERVER.stop();
        SERVER.assertNoErrorInTheLog();
    }

    /**
     * Thursday 1 April, the written report of Friday 19 March is past its seven days: on the till
     * opened again, the reissue (补发) waits for a supervisor, then the same request issues certificate
     * 00000005 (the lost one void); the deposit is then paid out early on the new certificate: 13 days
     * at the demand rate, 10,000 x 0.35 % x 13 / 360 = 1.26.
     */
    private static void assertTheWrittenReportsCertificateIsReissuedAfterItsWaitThenPaidOut(String deposit, String payee,
                                                                                            String idNumber) throws Exception {
        ok(Https.postJson("/api/v1/tills/sessions", TELLER, TELLER_PASSWORD, TestData.requestId("open"), "{}"), 201);
        JsonObject lostNow = ok(Https.get("/api/v1/deposits/" + deposit, TELLER, TELLER_PASSWORD));
        assertEquals("2027-03-26", lostNow.getJsonObject("loss").getString("waitOverOn"));
        String reissue = TestData.requestId("reissue");
        String body = "{\"idNumber\":\"" + idNumber + "\",\"newCertificateNo\":\"00000005\"}";
        JsonObject waiting = json(Https.postJson("/api/v1/deposits/" + deposit + "/loss-reports/reissue", TELLER,
                TELLER_PASSWORD, reissue, body), 409).asJsonObject();
        assertEquals("APPROVAL_REQUIRED", waiting.getString("code"), waiting.toString());
        ok(Https.postJson("/api/v1/approvals/" + waiting.getJsonNumber("approvalId").longValue() + "/approve",
                SUPERVISOR, SUPERVISOR_PASSWORD, null, "{}"));
        JsonObject reissued = ok(Https.postJson("/api/v1/deposits/" + deposit + "/loss-reports/reissue", TELLER,
                TELLER_PASSWORD, reissue, body));
        assertEquals("00000005", reissued.getString("certificateNo"));
        assertTrue(!reissued.containsKey("loss") || reissued.isNull("loss"), reissued.toString());
        BigDecimal before = balanceOf(payee);
        JsonObject paid = ok(Https.postJson("/api/v1/deposits/" + deposit + "/withdrawals", TELLER, TELLER_PASSWORD,
                TestData.requestId("paid"), "{\"toAccount\":\"" + payee + "\"}"), 201);
        assertEquals("1.26", paid.getString("interest"));
        assertEquals(before.add(new BigDecimal("10001.26")), balanceOf(payee));
        JsonObject closed = ok(Https.get("/api/v1/deposits/" + deposit, TELLER, TELLER_PASSWORD));
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals(List.of("OPENED", "LOST", "REISSUED", "CLOSED"), closed.getJsonArray("history").stream()
                .map(e -> e.asJsonObject().getString("event")).toList());
    }

    /**
     * Monday the 22nd: two customers whose class I accounts are planted as opened on 1 February, one
     * with 200.00 deposited today and an active card planted as issued in March 2026 (its anniversary
     * month), the other empty. Answers both account numbers.
     */
    private static String[] theMonthsFeePayers() throws Exception {
        String small = openClassOne("王小额");
        String empty = openClassOne("赵空户");
        deposit(small, "200.00");
        ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "UPDATE account SET opened_on = DATE '2027-02-01' "
                + "WHERE account_number IN ('" + small + "', '" + empty + "')");
        ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "INSERT INTO card (pan, account_number, status, "
                + "expires_on, pin_hash, issued_by, issued_at, version) VALUES ('6222990000000001', '" + small
                + "', 'ACTIVE', DATE '2031-03-31', 'planted', 'teller1', TIMESTAMP '2026-03-10 02:00:00', 0)");
        return new String[] {small, empty};
    }

    /**
     * The 31st's end of day charged the month's fees: the account with a card in its anniversary month
     * pays the annual card fee (10.00), and its average daily balance in March (200.00 for the 22nd to
     * the 31st: 64.52) is under 300.00, so it pays the small-balance fee (1.00) too; the empty account
     * owes the small-balance fee and pays nothing (never below zero), recorded as not collected; the
     * demo accounts, opened in March, owe none.
     */
    private static void assertTheMonthsPeriodicFeesAreCharged(String small, String empty) throws Exception {
        assertEquals(new BigDecimal("189.00"), balanceOf(small));
        List<String> fees = transactionsOf(small).stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("type").endsWith("_FEE"))
                .map(t -> t.getString("type") + " " + t.getString("amount") + " " + t.getString("businessDate")).sorted()
                .toList();
        assertEquals(List.of("ANNUAL_CARD_FEE 10.00 2027-03-31", "SMALL_BALANCE_FEE 1.00 2027-03-31"), fees);
        assertEquals(new BigDecimal("0.00"), balanceOf(empty));
        assertEquals(String.join("\n", "ANNUAL_CARD_FEE|" + small + "|2027-03-31|10.00|10.00|",
                        "SMALL_BALANCE_FEE|" + small + "|2027-03-31|1.00|1.00|",
                        "SMALL_BALANCE_FEE|" + empty + "|2027-03-31|1.00|0.00|not collected 1.00 (available 0.00)"),
                ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT fee_code, account_number, period_end, "
                        + "owed, charged, COALESCE(note, '') FROM periodic_fee_charge ORDER BY fee_code, owed DESC, charged DESC")
                        .strip());
    }

    /** A new individual, checked against the identity service, with a class I account; answers its number. */
    private static String openClassOne(String name) throws Exception {
        String residentId = TestData.residentId();
        JsonObject verified = ok(Https.postJson("/api/v1/customers/verifications", TELLER, TELLER_PASSWORD, null,
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":\"" + name + "\"}"), 201);
        JsonObject customer = ok(Https.postJson("/api/v1/customers/individuals", TELLER, TELLER_PASSWORD,
                TestData.requestId("customer"), "{\"verificationId\":" + verified.getJsonNumber("id") + ",\"name\":\""
                        + name + "\",\"residentId\":\"" + residentId + "\",\"phone\":\"13800138000\","
                        + "\"address\":\"上海市黄浦区南京东路8号\"}"), 201);
        return ok(Https.postJson("/api/v1/accounts", TELLER, TELLER_PASSWORD, TestData.requestId("open"),
                "{\"customerId\":" + customer.getJsonNumber("id") + ",\"accountType\":\"INDIVIDUAL_I\"}"), 201)
                .getString("accountNumber");
    }

    /** A 10,000.00 deposit in cash for 李四 on a blank certificate of teller1's till; answers its account number. */
    private static String openDeposit(long customer, String product, String renewal, String certificate) throws Exception {
        return ok(Https.postJson("/api/v1/deposits", TELLER, TELLER_PASSWORD, TestData.requestId("open"),
                "{\"customerId\":" + customer + ",\"product\":\"" + product + "\",\"amount\":\"10000.00\","
                        + "\"renewal\":\"" + renewal + "\",\"certificateNo\":\"" + certificate + "\"}"), 201)
                .getString("accountNumber");
    }

    /** How many accounts the run's {@code step} posted, over its partitions. */
    private static long posted(JsonObject run, String step) {
        return run.getJsonArray("steps").getJsonObject(STEPS.indexOf(step)).getJsonArray("partitions").stream()
                .mapToLong(p -> p.asJsonObject().getJsonNumber("posted").longValue()).sum();
    }

    /** The balance of 应付利息 (2231), credits less debits, from the journal. */
    private static String accruedInterestPayable() throws Exception {
        return ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT COALESCE(SUM(CASE side WHEN 'CREDIT' "
                + "THEN amount ELSE -amount END), 0.00) FROM journal_line WHERE gl_code = '2231'").trim();
    }

    /**
     * Friday's end of day covers Saturday the 20th: the deposit with renewal is renewed for another three
     * months with its 27.50 of interest (10,000 x 1.10 % x 90 / 360), the one without is marked matured.
     */
    private static void assertTheDepositsMaturingOnSaturdayAreRenewedOrWaiting(JsonObject run, String renewing,
                                                                                String waiting) throws Exception {
        assertEquals(2, posted(run, "maturities"), run.toString());
        JsonObject renewed = ok(Https.get("/api/v1/deposits/" + renewing, TELLER, TELLER_PASSWORD));
        assertEquals("10027.50", renewed.getString("principal"));
        assertEquals("2027-03-20", renewed.getString("termStart"));
        assertEquals("2027-06-20", renewed.getString("maturesOn"));
        assertEquals("RENEWED", renewed.getJsonArray("history").getJsonObject(1).getString("event"));
        JsonObject matured = ok(Https.get("/api/v1/deposits/" + waiting, TELLER, TELLER_PASSWORD));
        assertEquals("MATURED", matured.getJsonArray("history").getJsonObject(1).getString("event"));
        assertEquals("10000.00", matured.getString("principal"));
    }

    /**
     * The account's March statement is in the folder of the 31st under its branch, as PDF and as the
     * CSV the counter prints for the same period; the manifest lists every file with its size and
     * SHA-256, and their count.
     */
    private static void assertTheMonthsStatementsAreWrittenWithTheirManifest(String account) throws Exception {
        Path day = HOME.resolve("standalone/data/statements/2027-03-31");
        Path csv = day.resolve("0001").resolve(account + ".csv");
        assertTrue(Files.isRegularFile(csv), csv + " written");
        assertTrue(Files.size(day.resolve("0001").resolve(account + ".pdf")) > 1000, "the PDF is written");
        HttpResponse<String> counter = Https.get("/api/v1/accounts/" + account
                + "/statement?from=2027-03-01&to=2027-03-31&format=csv", TELLER, TELLER_PASSWORD);
        assertEquals(200, counter.statusCode(), counter.body());
        assertEquals(counter.body(), Files.readString(csv, StandardCharsets.UTF_8));
        assertTrue(counter.body().contains("INTEREST_SETTLEMENT") || counter.body().contains("结息"), counter.body());

        List<String> manifest = Files.readAllLines(day.resolve("manifest.csv"), StandardCharsets.UTF_8);
        assertEquals("file,bytes,sha256", manifest.get(0));
        List<Path> files;
        try (Stream<Path> all = Files.walk(day)) {
            files = all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("manifest.csv"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 4, "statements of several accounts: " + files);
        assertEquals("count," + files.size() + ",", manifest.get(manifest.size() - 1));
        for (int i = 0; i < files.size(); i++) {
            byte[] content = Files.readAllBytes(files.get(i));
            assertEquals(day.relativize(files.get(i)) + "," + content.length + "," + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)), manifest.get(i + 1));
        }
    }

    /**
     * The day's folder for the data warehouse, read back: the manifest gives each file's rows, bytes and
     * SHA-256; the journal lines are the day's in the journal (count, debits, credits); the customers
     * carry tokens and masked names, never an ID number; the schema names every file; no temporary
     * folder is left.
     */
    private static void assertTheWarehouseExtractAgreesWithTheJournal(String day, String idNumber) throws Exception {
        Path root = HOME.resolve("standalone/data/warehouse");
        Path folder = root.resolve(day);
        List<String> manifest = Files.readAllLines(folder.resolve("manifest.csv"), StandardCharsets.UTF_8);
        assertEquals("file,rows,bytes,sha256", manifest.get(0));
        assertEquals(7, manifest.size() - 1, day + ": " + manifest);
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split(",");
            byte[] content = Files.readAllBytes(folder.resolve(f[0]));
            assertEquals(f[2] + "," + f[3], content.length + "," + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)), day + " " + f[0]);
            List<String> rows = Files.readAllLines(folder.resolve(f[0]), StandardCharsets.UTF_8);
            assertEquals(Integer.parseInt(f[1]), rows.size() - 1, day + " " + f[0] + " rows");
        }
        List<String> lines = Files.readAllLines(folder.resolve("journal_lines.csv"), StandardCharsets.UTF_8);
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            BigDecimal amount = new BigDecimal(f[9]);
            if (f[8].equals("DEBIT")) {
                debit = debit.add(amount);
            } else {
                credit = credit.add(amount);
            }
        }
        String journal = ServedTeller.script("pg_admin", "-d", DATABASE, "-tAc", "SELECT COUNT(*) || ',' || "
                + "COALESCE(SUM(CASE WHEN l.side = 'DEBIT' THEN l.amount END), 0) || ',' || COALESCE(SUM(CASE WHEN "
                + "l.side = 'CREDIT' THEN l.amount END), 0) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
                + "WHERE e.business_date = DATE '" + day + "'").strip();
        assertEquals(journal, (lines.size() - 1) + "," + debit.setScale(2) + "," + credit.setScale(2), day);
        assertTrue(lines.size() > 1, day + ": the day's postings");
        String customers = Files.readString(folder.resolve("customers.csv"), StandardCharsets.UTF_8);
        assertTrue(!customers.contains(idNumber) && customers.contains("李*"), "tokens and masked names only");
        assertTrue(Files.readString(folder.resolve("schema.json"), StandardCharsets.UTF_8).contains("\"journal_lines.csv\""));
        try (Stream<Path> all = Files.list(root)) {
            assertEquals(List.of(), all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
                    "no half-written folder left");
        }
    }

    /** The interest of {@code days} days of {@code balance} at 0.35 % a year, ACT/360, rounded to the fen. */
    private static BigDecimal interestOf(BigDecimal balance, int days) {
        return balance.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(360), 2, RoundingMode.HALF_UP);
    }
}
