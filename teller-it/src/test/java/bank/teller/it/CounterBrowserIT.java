package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.platform.DemoData;
import bank.teller.security.Totp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A teller at the counter, in headless Chromium (Debian's chromium and chromium-driver): signs in,
 * opens an account for a new customer, deposits cash and reads the balance on the screen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CounterBrowserIT {

    private WebDriver browser;
    private WebDriverWait wait;

    @Deployment(testable = false)
    static WebArchive nothingExtra() {
        return InContainer.placeholder("browser-it");
    }

    /**
     * One browser per user, signed in once for the whole class: every sign-in takes a dynamic code,
     * and the server takes each code once, so signing in for every test would wait for the clock.
     */
    private static final Map<String, WebDriver> SIGNED_IN = new HashMap<>();

    @AfterAll
    static void quitBrowsers() {
        SIGNED_IN.values().forEach(WebDriver::quit);
        SIGNED_IN.clear();
    }

    /**
     * The browser of {@code user} on the start screen. A browser whose session has ended (the user
     * signed in elsewhere meanwhile) is replaced by a fresh one that signs in.
     */
    private static WebDriver browserOf(String user, String password) {
        WebDriver driver = SIGNED_IN.get(user);
        if (driver != null) {
            try {
                driver.get(Https.BASE + "/app/index.xhtml");
                if (!driver.findElements(By.id("signed-in-user")).isEmpty()) {
                    return driver;
                }
            } catch (RuntimeException stuck) {
                // a browser in an unexpected state is replaced below
            }
            driver.quit();
        }
        driver = Browsers.newBrowser();
        SIGNED_IN.put(user, driver);
        Browsers.signIn(driver, user, password);
        return driver;
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        if (browser != null) {
            // the last screen of every test, for whoever has to find out why one failed
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(test.getDisplayName().replaceAll("\\W", "") + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(test.getDisplayName().replaceAll("\\W", "") + ".html"), browser.getPageSource());
        }
    }

    @Test
    void aTellerOpensAnAccountDepositsCashAndSeesTheNewBalance() throws Exception {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String number = openAccount("赵六");
        assertEquals(16, number.length(), number);
        assertEquals("赵六", browser.findElement(By.id("holder")).getText());
        assertTrue(browser.findElement(By.id("balance")).getText().startsWith("0.00"));

        String confirmation = post("DEPOSIT", "1234.56", null);
        assertTrue(confirmation.contains("人民币壹仟贰佰叁拾肆元伍角陆分"), confirmation);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "1,234.56 CNY"));
        String transactions = browser.findElement(By.id("transactions")).getText();
        assertTrue(transactions.contains("现金存款") && transactions.contains("1,234.56"), transactions);

        String voucherNo = browser.findElement(By.id("voucher-number")).getText();
        String href = browser.findElement(By.id("voucher:print")).getAttribute("href");
        assertTrue(href.endsWith("/api/v1/vouchers/" + voucherNo + "/pdf"), href);
        String pdf = pdfText(href);
        assertTrue(pdf.contains(voucherNo) && pdf.contains("人民币壹仟贰佰叁拾肆元伍角陆分") && pdf.contains("赵六"), pdf);
        browser.findElement(By.id("voucher:confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("voucher:confirmed")));

        String statement = browser.findElement(By.id("transactions-filter:statement-pdf")).getAttribute("href");
        String statementText = pdfText(statement);
        assertTrue(statementText.contains("账户对账单") && statementText.contains("CNY 1,234.56"), statementText);
    }

    /** The text of the PDF at {@code url}, fetched in the browser's session (a second sign-in would end it). */
    private String pdfText(String url) throws Exception {
        HttpResponse<byte[]> response = Https.getBytesInSession(url, browser.manage().getCookieNamed("JSESSIONID").getValue(),
                "application/pdf");
        assertEquals(200, response.statusCode());
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aTellerOpensATimeDepositSeeingWhatItEarnsThenClosesItEarlyOnceTheSupervisorApprovesOnTheSpot() throws Exception {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String demand = openAccount("钱七");
        post("DEPOSIT", "40000.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "40,000.00 CNY"));
        post("DEPOSIT", "20000.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "60,000.00 CNY"));
        String certificate = certificateInTill();

        browser.findElement(By.id("menu:nav-deposits")).click();
        field(By.id("open:customer")).sendKeys(demand);
        browser.findElement(By.id("open:amount")).sendKeys("55000.00");
        browser.findElement(By.id("open:from")).sendKeys(demand);
        browser.findElement(By.id("open:certificate")).sendKeys(certificate);
        browser.findElement(By.id("open:prepare")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open:confirm")));
        assertEquals("825.00", browser.findElement(By.id("confirm-interest")).getText(), "55,000 x 1.50 % for the year");
        assertEquals("人民币伍万伍仟元整", browser.findElement(By.id("confirm-capitals")).getText());
        browser.findElement(By.id("open:confirm-yes")).click();
        String deposit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-account"))).getText();
        assertEquals(deposit, browser.findElement(By.id("deposit-number")).getText());
        assertEquals("55,000.00 CNY", browser.findElement(By.id("principal")).getText());
        assertEquals(certificate, browser.findElement(By.id("certificate")).getText());
        assertEquals("1.50 %", browser.findElement(By.id("rate")).getText());
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "deposit-opened.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        String certificatePdf = pdfText(browser.findElement(By.id("print-certificate")).getAttribute("href"));
        assertTrue(certificatePdf.contains(certificate) && certificatePdf.contains("55,000.00")
                && certificatePdf.contains("人民币 伍万伍仟元整"), certificatePdf);

        // closed the day it opened: everything paid at the demand rate, and a principal of 50,000 or more
        // taken out early waits for a supervisor, who approves on the spot on this screen
        browser.findElement(By.id("withdraw:to")).sendKeys(demand);
        browser.findElement(By.id("withdraw:close")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("withdraw:confirm")));
        assertEquals("55,000.00", browser.findElement(By.id("confirm-paid")).getText(), "opened today: no interest yet");
        assertTrue(browser.findElement(By.id("withdraw:slip")).getText().contains("活期利率（提前支取）"),
                browser.findElement(By.id("withdraw:slip")).getText());
        browser.findElement(By.id("withdraw:confirm-yes")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-waiting")));
        Browsers.settled(wait); // the confirmation re-rendered the whole page
        assertEquals("正常", browser.findElement(By.id("status")).getText(),
                "nothing is paid while the supervisor has not approved");
        browser.findElement(By.id("approval:supervisor")).sendKeys(AsUser.SUPERVISOR);
        browser.findElement(By.id("approval:password")).sendKeys(AsUser.SUPERVISOR_PASSWORD);
        browser.findElement(By.id("approval:code")).sendKeys(Tokens.nextCode(AsUser.SUPERVISOR));
        browser.findElement(By.id("approval:approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "销户"));
        assertTrue(browser.findElements(By.id("approval-waiting")).isEmpty(), "the wait is over");
        String slipPdf = pdfText(browser.findElement(By.id("print-slip")).getAttribute("href"));
        assertTrue(slipPdf.contains("利息清单") && slipPdf.contains(deposit), slipPdf);
        String history = browser.findElement(By.id("history")).getText();
        assertTrue(history.contains("开户") && history.contains("销户"), history);

        browser.get(Https.BASE + "/app/account.xhtml?number=" + demand);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "60,000.00 CNY"));
    }

    @Test
    void aTellerRenewsAMaturedDepositSeeingItsInterestAndTheNewTermBeforeConfirming() throws Exception {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String demand = openAccount("孙八");
        String certificate = certificateInTill();
        String renewal = certificateInTill();
        browser.findElement(By.id("menu:nav-deposits")).click();
        field(By.id("open:customer")).sendKeys(demand);
        browser.findElement(By.id("open:amount")).sendKeys("10000.00");
        browser.findElement(By.id("open:certificate")).sendKeys(certificate);
        browser.findElement(By.id("open:prepare")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open:confirm-yes"))).click();
        String deposit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-account"))).getText();
        // as if opened for a year that ended ten days ago
        LocalDate today = LocalDate.parse(ServedTeller.script("pg_admin", "-d", "teller_it", "-tAc",
                "SELECT business_date FROM business_day WHERE id = 1").strip());
        LocalDate start = today.minusDays(10).minusMonths(12);
        ServedTeller.script("pg_admin", "-d", "teller_it", "-tAc", "UPDATE term_deposit SET term_start = DATE '" + start
                + "', matures_on = DATE '" + start.plusMonths(12) + "' WHERE account_number = '" + deposit + "'");
        long overdue = ChronoUnit.DAYS.between(start.plusMonths(12), today);
        BigDecimal interest = new BigDecimal("150.00").add(new BigDecimal("35.00").multiply(BigDecimal.valueOf(overdue))
                .divide(new BigDecimal("360"), 2, RoundingMode.HALF_UP)); // 10,000 x 0.35 % a day each
        BigDecimal next = new BigDecimal("10000.00").add(interest).multiply(new BigDecimal("0.015"))
                .setScale(2, RoundingMode.HALF_UP);

        browser.findElement(By.id("find:query")).sendKeys(deposit);
        browser.findElement(By.id("find:show")).click();
        field(By.id("renew:certificate")).sendKeys(renewal);
        browser.findElement(By.id("renew:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("renew:confirm")));
        assertEquals(interest.toPlainString(), browser.findElement(By.xpath("//*[@id='renew:confirm']//*[@id='slip-total']"))
                .getText(), "the year at 1.50 % and " + overdue + " overdue days at the demand rate");
        assertEquals(String.format("%,.2f", next), browser.findElement(By.id("renewal-interest")).getText(),
                "the new year's interest on the principal and the interest renewed");
        browser.findElement(By.id("renew:confirm-yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("certificate"), renewal));
        assertEquals(String.format("%,.2f CNY", new BigDecimal("10000.00").add(interest)),
                browser.findElement(By.id("principal")).getText());
        assertEquals(today + " – " + today.plusMonths(12), browser.findElement(By.id("term")).getText());
    }

    @Test
    void aTellerSendsAWireSeeingItsFeeAndTotalThenWatchesItSettle() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String payer = openAccount("周九");
        post("DEPOSIT", "5000.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "5,000.00 CNY"));

        browser.findElement(By.id("menu:nav-wires")).click();
        field(By.id("wire:payer")).sendKeys(payer);
        browser.findElement(By.id("wire:payee-name")).sendKeys("王五");
        browser.findElement(By.id("wire:payee-account")).sendKeys("6222020200001234");
        browser.findElement(By.id("wire:bank")).click();
        field(By.id("wire:bank_filter")).sendKeys("102100099996");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#wire\\:bank_items li[data-label*='102100099996']")))
                .click();
        browser.findElement(By.id("wire:amount")).sendKeys("1000.00");
        browser.findElement(By.id("wire:purpose")).sendKeys("货款");
        browser.findElement(By.id("wire:prepare")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wire:confirm")));
        assertEquals("5.00", browser.findElement(By.id("confirm-fee")).getText());
        assertEquals("1,005.00", browser.findElement(By.id("confirm-total")).getText());
        assertEquals("人民币壹仟零伍元整", browser.findElement(By.id("confirm-capitals")).getText());
        assertTrue(browser.findElement(By.id("confirm-text")).getText().contains("中国工商银行"),
                browser.findElement(By.id("confirm-text")).getText());
        browser.findElement(By.id("wire:confirm-yes")).click();
        String reference = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-reference"))).getText();
        assertTrue(reference.startsWith("W"), reference);
        // the screen follows the clearing system's answers until the wire is settled
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shown:status"), "已清算"));
        String progress = browser.findElement(By.id("shown:progress")).getText();
        assertTrue(progress.contains("已提交") && progress.contains("清算已受理"), progress);

        browser.get(Https.BASE + "/app/account.xhtml?number=" + payer);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "3,995.00 CNY"));
    }

    @Test
    void aSupervisorLoadsABillListAndATellerTakesABillInCashOnceWithItsVoucher() throws Exception {
        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        browser.findElement(By.id("menu:nav-collections")).click();
        String bill = "BR" + System.nanoTime() % 1_000_000_000L;
        Path list = Files.createTempFile("bills", ".csv");
        Files.writeString(list, "bill_ref,payer_name,amount,due_date\n" + bill + ",郑十,256.00,\n" + bill
                + "X,冯十一,abc,\n");
        chooseAgreement(DemoData.DEMO_AGREEMENT);
        browser.findElement(By.cssSelector("#load input[type=file]")).sendKeys(list.toAbsolutePath().toString());
        browser.findElement(By.id("load:upload")).click();
        String refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("load:refused"))).getText();
        assertTrue(refused.contains("3") && refused.contains("AMOUNT_INVALID"), "the bad row by its line: " + refused);

        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        browser.findElement(By.id("menu:nav-collections")).click();
        chooseAgreement(DemoData.DEMO_AGREEMENT);
        browser.findElement(By.id("collect:query")).sendKeys(bill);
        browser.findElement(By.id("collect:find")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay:confirm")));
        assertEquals("256.00", browser.findElement(By.id("pay-amount")).getText());
        browser.findElement(By.id("pay:confirm")).click();
        String voucher = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-voucher"))).getText();
        assertTrue(!voucher.isBlank(), "a receipt voucher");
        assertTrue(browser.findElement(By.id("collect:bills")).getText().contains("已缴"),
                browser.findElement(By.id("collect:bills")).getText());
        assertTrue(browser.findElements(By.id("collect:bills:0:choose")).isEmpty(), "a paid bill cannot be chosen again");
    }

    @Test
    void aTellerSignsAPayersDirectDebitMandateAndCancelsIt() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String payer = openAccount("褚十二");
        browser.findElement(By.id("menu:nav-direct-debits")).click();
        String ref = "U" + System.nanoTime() % 1_000_000_000L;
        field(By.id("mandate:ref")).sendKeys(ref);
        browser.findElement(By.id("mandate:payer")).sendKeys(payer);
        browser.findElement(By.id("mandate:perDebit")).sendKeys("200.00");
        browser.findElement(By.id("mandate:perMonth")).sendKeys("100.00");
        browser.findElement(By.id("mandate:sign")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#mandate .ui-message-error")));
        assertTrue(browser.findElements(By.id("mandates:list:0:cancel")).isEmpty(), "a monthly limit below one debit signs nothing");
        browser.findElement(By.id("mandate:perMonth")).clear();
        browser.findElement(By.id("mandate:perMonth")).sendKeys("600.00");
        browser.findElement(By.id("mandate:sign")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mandates:list:0:cancel")));
        assertTrue(browser.findElement(By.id("mandates:list")).getText().contains(ref));
        browser.findElement(By.id("mandates:list:0:cancel")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mandates:list:0:cancel")));
        assertTrue(browser.findElement(By.id("mandates:list")).getText().contains("已撤销"),
                browser.findElement(By.id("mandates:list")).getText());
    }

    @Test
    void aSupervisorApprovesAClaimFromTheQueueSeeingItsLinesAndReceipts() throws Exception {
        // the auditor claims (through the API): anyone on the staff may, and this keeps the counter's sessions
        String session = Https.sessionOf(DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD);
        String payee = ServedTeller.script("pg_admin", "-d", "teller_it", "-tAc", "SELECT a.account_number FROM account a "
                + "JOIN customer c ON c.id = a.customer_id WHERE c.name = '张三' AND a.account_type = 'INDIVIDUAL_I'").trim();
        HttpResponse<String> created = Https.send(Https.inSession("/api/v1/claims", session)
                .header("Content-Type", "application/json").header("Idempotency-Key", TestData.requestId("claim"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"审计培训\",\"payeeAccount\":\"" + payee
                        + "\",\"lines\":[{\"category\":\"TRAINING\",\"amount\":\"880.00\",\"spentOn\":\"2026-11-26\","
                        + "\"note\":\"培训费\"}]}", StandardCharsets.UTF_8)).build());
        assertEquals(201, created.statusCode(), created.body());
        String claim = Json.createReader(new StringReader(created.body())).readObject().getString("claimNo");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        HttpResponse<String> attached = Https.send(Https.inSession("/api/v1/claims/" + claim
                        + "/attachments?fileName=receipt.png", session).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build());
        assertEquals(200, attached.statusCode(), attached.body());
        assertEquals(200, Https.send(Https.inSession("/api/v1/claims/" + claim + "/submission", session)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());

        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        browser.findElement(By.id("menu:nav-claims")).click();
        WebElement queue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review:queue")));
        assertTrue(queue.getText().contains(claim), queue.getText());
        int row = 0;
        while (!browser.findElement(By.id("review:queue:" + row + ":open")).findElement(By.xpath("./ancestor::tr"))
                .getText().contains(claim)) {
            row++;
        }
        browser.findElement(By.id("review:queue:" + row + ":open")).click();
        WebElement reviewed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review:reviewed")));
        assertTrue(reviewed.getText().contains("880.00") && reviewed.getText().contains("receipt.png"), reviewed.getText());
        browser.findElement(By.id("review:note")).sendKeys("同意");
        browser.findElement(By.id("review:approve")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("review:reviewed")));
        assertTrue(!browser.findElement(By.id("review:queue")).getText().contains(claim), "approved: off the queue");
        assertTrue(browser.findElement(By.id("pay:approved")).getText().contains(claim), "and waiting to be paid");
    }

    private void chooseAgreement(String code) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("collect:agreement"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#collect\\:agreement_items li[data-label*='"
                + code + "']"))).click();
        ajaxIdle();
    }

    /** A new certificate blank in the signed-in teller's till: received and issued by the supervisor. */
    private String certificateInTill() throws Exception {
        String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> till = Https.send(Https.inSession("/api/v1/tills/sessions/current", cookie).GET().build());
        assertEquals(200, till.statusCode(), till.body());
        String tillCode = Json.createReader(new StringReader(till.body())).readObject().getString("tillCode");
        String serial = String.format("%08d", System.nanoTime() % 90_000_000L + 10_000_000L);
        String range = "{\"kind\":\"CERTIFICATE\",\"from\":\"" + serial + "\",\"to\":\"" + serial + "\"";
        assertEquals(200, Https.postJson("/api/v1/blank-vouchers/receipts", AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD,
                null, range + "}").statusCode());
        assertEquals(200, Https.postJson("/api/v1/blank-vouchers/issues", AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD,
                null, range + ",\"tillCode\":\"" + tillCode + "\"}").statusCode());
        return serial;
    }

    @Test
    void aTellerPaysOutCashAndTransfersToAnotherCustomer() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String payee = openAccount("孙八");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-open"))).click();
        openAccount("周九");
        post("DEPOSIT", "1000.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "1,000.00 CNY"));

        post("WITHDRAWAL", "200.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "800.00 CNY"));

        String confirmation = post("TRANSFER", "300.50", payee);
        assertTrue(confirmation.contains(payee) && confirmation.contains("孙八"), confirmation);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "499.50 CNY"));
        String transactions = browser.findElement(By.id("transactions")).getText();
        assertTrue(transactions.contains("现金取款") && transactions.contains("转账"), transactions);

        browser.get(Https.BASE + "/app/account.xhtml?number=" + payee);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "300.50 CNY"));
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedWithTheAvailableBalance() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("吴十");
        post("DEPOSIT", "50.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "50.00 CNY"));
        post("WITHDRAWAL", "50.01", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("posting:amount-message"), "50.00"));
        assertTrue(browser.findElement(By.id("balance")).getText().startsWith("50.00"));
    }

    @Test
    void aTellerClosesAnAccountPayingOutItsBalanceInCash() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("郑十一");
        post("DEPOSIT", "66.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "66.00 CNY"));

        String confirmation = post("CLOSE", null, null);
        assertTrue(confirmation.contains("66.00") && confirmation.contains("人民币陆拾陆元整"), confirmation);
        // a teller's closing waits for a supervisor, who approves it on the spot on this screen
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-waiting")));
        Browsers.settled(wait);
        // the supervisor's password alone is not enough: the dynamic code too, as at a sign-in
        browser.findElement(By.id("approval:supervisor")).sendKeys(AsUser.SUPERVISOR);
        browser.findElement(By.id("approval:password")).sendKeys(AsUser.SUPERVISOR_PASSWORD);
        browser.findElement(By.id("approval:approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval"), "主管身份验证未通过"));
        Browsers.settled(wait); // the refusal re-rendered the whole page (update="@all")
        browser.findElement(By.id("approval:password")).sendKeys(AsUser.SUPERVISOR_PASSWORD);
        browser.findElement(By.id("approval:code")).sendKeys(Tokens.nextCode(AsUser.SUPERVISOR));
        browser.findElement(By.id("approval:approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "销户"));
        assertTrue(browser.findElement(By.id("balance")).getText().startsWith("0.00"));
        assertTrue(browser.findElements(By.id("posting:submit")).isEmpty(), "a closed account still offers postings");
    }

    @Test
    void aLargeWithdrawalWaitsUntilTheSupervisorApprovesItInTheInboxThenCompletesWithItsVoucher() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String account = openAccount("大额客户");
        post("DEPOSIT", "49000.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "49,000.00 CNY"));
        post("DEPOSIT", "49000.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "98,000.00 CNY"));
        post("WITHDRAWAL", "60000.00", null);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-waiting")));
        assertTrue(browser.findElement(By.id("balance")).getText().startsWith("98,000.00"), "nothing paid out yet");

        WebDriver supervisor = browserOf(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        WebDriverWait supervisorWait = Browsers.waitFor(supervisor);
        supervisorWait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-approvals"))).click();
        By approve = By.xpath("//tr[.//span[@class='approval-summary' and contains(., '" + account + "')]]"
                + "//button[contains(@id, 'approve')]");
        supervisorWait.until(ExpectedConditions.elementToBeClickable(approve)).click();
        supervisorWait.until(ExpectedConditions.invisibilityOfElementLocated(approve));

        // the teller's screen notices the approval and completes the withdrawal with its voucher
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "38,000.00 CNY"));
        assertTrue(browser.findElement(By.id("voucher-number")).getText().matches("0001-\\d{8}-001-\\d{6}"));
    }

    @Test
    void aTellerAsksTheVaultForCashAndTheSupervisorWatchingTheBranchHandsItOver() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-till"))).click();
        String before = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("till:position"))).getText();
        browser.findElement(By.id("vault:amount")).sendKeys("1234.00");
        browser.findElement(By.id("vault:request")).click();
        ajaxIdle();

        WebDriver supervisor = browserOf(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        WebDriverWait supervisorWait = Browsers.waitFor(supervisor);
        supervisorWait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-till"))).click();
        supervisorWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vault-position")));
        String tills = supervisor.findElement(By.id("branch:tills")).getText();
        assertTrue(tills.contains("001") && tills.contains("901"), tills);
        By confirm = By.xpath("//tbody[@id='branch:transfers_data']/tr[td[normalize-space()='teller1'] "
                + "and td[contains(., '1,234.00')]]//button[contains(@id, 'confirm')]");
        supervisorWait.until(ExpectedConditions.elementToBeClickable(confirm)).click();
        supervisorWait.until(ExpectedConditions.invisibilityOfElementLocated(confirm));
        browser.navigate().refresh();
        String after = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("till:position"))).getText();
        assertEquals(amount(before).add(new BigDecimal("1234.00")), amount(after));
    }

    /** "1,234.00 CNY" as a number. */
    private static BigDecimal amount(String shown) {
        return new BigDecimal(shown.replace(" CNY", "").replace(",", "").strip());
    }

    @Test
    void markupInACustomersNameIsShownAsTextNeverRun() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String name = "<i>斜体</i><script>document.title='x'</script>";
        openAccount(name);
        assertEquals(name, browser.findElement(By.id("holder")).getText());
        assertTrue(browser.findElements(By.tagName("i")).stream().noneMatch(e -> "斜体".equals(e.getText())));
        assertNotEquals("x", browser.getTitle(), "the script did not run");
    }

    @Test
    void anAdjustmentOfTodaysPostingIsRefusedNextToTheFieldAndPostsNothing() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("调整客户");
        post("DEPOSIT", "100.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "100.00 CNY"));
        String entry = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tbody[@id='transactions_data']/tr[1]/td[last()]"))).getText();

        browser.findElement(By.id("adjustment:entry_input")).sendKeys(entry);
        browser.findElement(By.id("adjustment:amount")).sendKeys("10.00");
        browser.findElement(By.id("adjustment:reason")).sendKeys("多记");
        browser.findElement(By.id("adjustment:adjust")).click();
        // today's posting is reversed (冲正), not adjusted: the refusal says so next to the entry
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adjustment:entry-message"), entry));
        assertTrue(browser.findElement(By.id("balance")).getText().startsWith("100.00"));
    }

    @Test
    void aWrongAmountIsExplainedNextToTheFieldAndPostsNothing() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("钱七");

        browser.findElement(By.id("posting:amount")).sendKeys("10.001");
        browser.findElement(By.id("posting:submit")).click();
        // the message is re-rendered by the ajax update, so it is looked up afresh each time
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("posting:amount-message"), "10.001"));
        assertTrue(browser.findElement(By.id("balance")).getText().startsWith("0.00"));
    }

    @Test
    void aSupervisorRunsTheTrialBalanceFromTheScreenAndSeesItsResult() {
        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-batch"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("batch:start"))).click();
        // the table polls every few seconds (re-rendering its rows) until the newest run has finished
        By newestRun = By.cssSelector("[id='batch:runs'] tbody tr:first-child");
        String run = wait.ignoring(StaleElementReferenceException.class).until(d -> {
            String text = d.findElement(newestRun).getText();
            return text.contains("COMPLETED") ? text : null;
        });
        assertTrue(run.contains("BALANCED") && !run.contains("UNBALANCED"), run);
    }

    @Test
    void aSupervisorReconcilesTheDayWithTheCoreAndChecksTheBooksFromTheScreen() {
        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        browser.get(Https.BASE + "/app/reconciliation.xhtml");
        clickWhenReady(By.id("day:reconcile"));
        // one line per category of break, each with its count, open count and amount; reconciling waits
        // for the core's acknowledgements first, up to teller.core.acknowledgement-wait-seconds
        wait.withTimeout(Duration.ofSeconds(90)).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("[id='day:categories'] tbody tr"), 5));
        // the panels below are re-rendered by the same update, so every text is read afresh until it holds
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("openBreaks")).getText().matches("\\d+"));

        clickWhenReady(By.id("books:check"));
        String tills = wait.ignoring(StaleElementReferenceException.class).until(d -> {
            String text = d.findElement(By.id("books:tills")).getText();
            return text.contains("✓") || text.contains("✗") ? text : null;
        });
        assertTrue(tills.contains("✓") && !tills.contains("✗"), tills);
        String result = wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("books:result")).getText());
        assertTrue(browser.findElements(By.cssSelector("#findings li")).isEmpty(), result);
    }

    @Test
    void aSupervisorMigratesABranchFromTheScreenSeesTheRejectedRowAndDiscardsTheBatch() throws Exception {
        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        browser.get(Https.BASE + "/app/migration.xhtml");
        field(By.id("branch:code")).sendKeys("0000");
        clickWhenReady(By.id("branch:open"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "文件导入中"));

        Path customers = Files.createTempFile("customers", ".csv");
        Files.writeString(customers, "legacy_id,type,name,id_number,phone,address,occupation,legal_representative,"
                + "contact_name,contact_phone\nC1,INDIVIDUAL,迁移屏幕甲," + TestData.residentId() + ",13800000009,地址,,,,\n"
                + "C2,INDIVIDUAL,迁移屏幕乙," + TestData.residentIdWithWrongCheckDigit() + ",13800000009,地址,,,,\n");
        Path totals = Files.createTempFile("totals", ".csv");
        Files.writeString(totals, "branch_code,product,count,total\n0000,CUSTOMER_INDIVIDUAL,2,0\n");
        browser.findElement(By.cssSelector("input[type=file][id^='upload:customers']"))
                .sendKeys(customers.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("input[type=file][id^='upload:controlTotals']"))
                .sendKeys(totals.toAbsolutePath().toString());
        browser.findElement(By.id("upload:send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("batch:controls"), "CUSTOMER_INDIVIDUAL"));

        clickWhenReady(By.id("batch:import"));
        // the batch is followed while it imports, its panel re-rendered each time
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("status")).getText().contains("已迁移"));
        String controls = wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("batch:controls")).getText());
        assertTrue(controls.contains("✗"), "1 customer migrated of the old system's 2: " + controls);
        String rejects = wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("batch:rejects")).getText());
        assertTrue(rejects.contains("客户") && rejects.contains("C2,INDIVIDUAL"), rejects);

        clickWhenReady(By.id("batch:discard"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("status")).getText().contains("已作废"));
    }

    /** Clicks the element once it can be clicked, found afresh if an ajax update replaced it meanwhile. */
    private void clickWhenReady(By element) {
        wait.until(d -> {
            WebElement found = d.findElement(element);
            if (!found.isDisplayed() || !found.isEnabled()) {
                return false;
            }
            found.click();
            return true;
        });
    }

    @Test
    void anAdministratorCreatesAUserChangesTheirRolesAndDisablesThemFromTheScreen() {
        signIn("admin1", DemoData.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-users"))).click();
        String username = "u" + Long.toString(System.nanoTime(), 36);
        field(By.id("create:username")).sendKeys(username);
        browser.findElement(By.id("create:displayName")).sendKeys("屏幕新柜员");
        browser.findElement(By.id("create:branch")).sendKeys("0001");
        // the roles in their order: ADMIN, AUDITOR, BRANCH_MANAGER, SENIOR_TELLER, SUPERVISOR, TELLER
        browser.findElement(By.cssSelector("label[for='create:roles:5']")).click();
        browser.findElement(By.id("create:add")).click();
        String temporary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password"))).getText();
        assertTrue(temporary.length() >= 12, "the temporary password, shown once: " + temporary);
        browser.findElement(By.id("list:query")).sendKeys(username); // the bank has many users: find ours
        Browsers.ajaxIdle(wait); // the list re-rendered as the name was typed, then still
        By row = By.xpath("//tbody[@id='list:users_data']/tr[td[normalize-space()='" + username + "']]");
        String created = wait.until(ExpectedConditions.visibilityOfElementLocated(row)).getText();
        assertTrue(created.contains("柜员") && created.contains("未绑定令牌") && created.contains("待改密码"), created);

        // the list may still be re-rendered by the search as typed: the button is clicked until the roles show
        By rolesButton = By.xpath("//tbody[@id='list:users_data']/tr[td[normalize-space()='" + username
                + "']]//button[contains(@id, ':roles')]");
        By seniorTeller = By.cssSelector("label[for='edit:roles:3']");
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            if (!d.findElements(seniorTeller).isEmpty()) {
                return true;
            }
            d.findElement(rolesButton).click();
            return false;
        });
        wait.until(ExpectedConditions.elementToBeClickable(seniorTeller)).click();
        browser.findElement(By.id("edit:save")).click();
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(row).getText().contains("高级柜员"));

        clickWhenReady(By.xpath("//tbody[@id='list:users_data']/tr[td[normalize-space()='" + username
                + "']]//button[contains(@id, ':disable')]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(row).getText().contains("已停用"));
    }

    @Test
    void anAdministratorIssuesAnApiKeyThatOpensTheApiAndRevokesIt() throws Exception {
        signIn("admin1", DemoData.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-api-clients"))).click();
        String system = "s" + Long.toString(System.nanoTime(), 36);
        field(By.id("issue:system")).sendKeys(system);
        browser.findElement(By.id("issue:description")).sendKeys("对账平台");
        browser.findElement(By.cssSelector("label[for='issue:roles:0']")).click(); // AUDITOR, CHANNEL: the auditor
        browser.findElement(By.id("issue:add")).click();
        String key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key"))).getText();
        assertTrue(key.startsWith("tk_"), "the key, shown once: " + key);
        HttpResponse<String> opened = Https.send(HttpRequest.newBuilder(URI.create(Https.BASE + "/api/v1/audit/verification")).header("X-Api-Key", key).GET()
                .build());
        assertEquals(200, opened.statusCode(), opened.body());

        By row = By.xpath("//tbody[@id='list:keys_data']/tr[td[normalize-space()='api-" + system + "']]");
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(row)).getText().contains("审计员"));
        clickWhenReady(By.xpath("//tbody[@id='list:keys_data']/tr[td[normalize-space()='api-" + system
                + "']]//button[contains(@id, ':revoke')]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(row).getText().contains("已吊销"));
        assertEquals(401, Https.send(HttpRequest.newBuilder(URI.create(Https.BASE + "/api/v1/audit/verification")).header("X-Api-Key", key).GET()
                .build()).statusCode(), "a revoked key opens nothing");
    }

    @Test
    void aTrainerSeesTrainingOnEveryScreenAndResetsTheTrainingBranch() {
        signIn(DemoData.TRAINER, DemoData.TRAINER_PASSWORD);
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("training-mark"))).getText()
                .contains("培训 TRAINING"), "the home page says training");
        clickWhenReady(By.id("menu:nav-training"));
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("training-mark"))).isDisplayed());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vault-cash")));
        clickWhenReady(By.id("training:reset"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("messages")).getText().contains("已重置"));
        assertEquals("0", browser.findElement(By.id("accounts")).getText());
        assertEquals("1", browser.findElement(By.id("entries")).getText(), "the vault's new stock, nothing else");
        assertEquals("1,000,000.00", browser.findElement(By.id("vault-cash")).getText());
        browser.get(Https.BASE + "/app/till.xhtml"); // every screen: the counter's own, marked
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("training-mark"))).isDisplayed());
    }

    @Test
    void anAdministratorAddsAnApprovalPolicyLineAndRetiresIt() {
        signIn("admin1", DemoData.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-approval-policy"))).click();
        // the first transaction in the list (account closing) asked by a teller, from an amount no test reaches
        field(By.id("add:minAmount")).sendKeys("98765432.10");
        browser.findElement(By.id("add:zh")).sendKeys("屏幕测试规则");
        browser.findElement(By.id("add:en")).sendKeys("Screen test line");
        browser.findElement(By.id("add:save")).click();
        By row = By.xpath("//tbody[@id='list:lines_data']/tr[td[contains(., '屏幕测试规则')]]");
        String line = wait.until(ExpectedConditions.visibilityOfElementLocated(row)).getText();
        assertTrue(line.contains("98,765,432.10") && line.contains("销户") && line.contains("柜员") && line.contains("启用"),
                line);
        clickWhenReady(By.xpath("//tbody[@id='list:lines_data']/tr[td[contains(., '屏幕测试规则')]]"
                + "//button[contains(@id, ':retire')]"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(row).getText().contains("已停用"));
    }

    @Test
    void anAdministratorSeesTheRatesAndARateForAPastDayIsRefusedWithItsReason() {
        signIn("admin1", DemoData.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-interest-rates"))).click();
        String rates = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rates:table"))).getText();
        assertTrue(rates.contains("%"), "the demand rates in force: " + rates);
        field(By.id("add:from")).sendKeys("2020-01-01");
        browser.findElement(By.id("add:rate")).sendKeys("0.35");
        browser.findElement(By.id("add:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add:from-message"), "2020-01-01"));
        assertEquals(rates, browser.findElement(By.id("rates:table")).getText(), "nothing entered");
    }

    @Test
    void aSupervisorReceivesAndIssuesBlankVouchersAndSpoilsAndReturnsThemAtTheTill() {
        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-blank-vouchers"))).click();
        long first = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String a = String.valueOf(first);
        String b = String.valueOf(first + 1);
        String e = String.valueOf(first + 4);
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vault:kind")))).selectByValue("CHEQUE_BOOK");
        browser.findElement(By.id("vault:from")).sendKeys(a);
        browser.findElement(By.id("vault:to")).sendKeys(e);
        clickWhenReady(By.id("vault:receive"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock:lines"), a + " – " + e));

        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.id("vault:from")).sendKeys(a);
            d.findElement(By.id("vault:to")).sendKeys(b);
            d.findElement(By.id("vault:toTill")).sendKeys("901"); // super1's own till
            return true;
        });
        clickWhenReady(By.id("vault:issue"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("till:mine"), b));

        new Select(browser.findElement(By.id("till:kind"))).selectByValue("CHEQUE_BOOK");
        browser.findElement(By.id("till:serial")).sendKeys(a);
        browser.findElement(By.id("till:reason")).sendKeys("打印错误");
        clickWhenReady(By.id("till:spoil"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("till:mine"), "打印错误"));
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.id("till:from")).sendKeys(b);
            d.findElement(By.id("till:to")).sendKeys(b);
            return true;
        });
        clickWhenReady(By.id("till:giveBack"));
        // the unused number is back in the vault, the spoiled one stays on the till's record
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock:lines"), b + " – " + e));
        String stock = browser.findElement(By.id("stock:lines")).getText();
        assertTrue(stock.contains("已作废") && stock.contains(a + " – " + a), stock);
    }

    @Test
    void anAdministratorEntersAHolidayOnTheCalendarScreenAndEveryoneSeesTheDateClosed() {
        signIn("admin1", DemoData.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-calendar"))).click();
        WebElement year = wait.until(ExpectedConditions.elementToBeClickable(By.id("calendar:year_input")));
        year.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2096");
        browser.findElement(By.id("calendar:show")).click();
        Browsers.ajaxIdle(wait);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar:days"), "本年度未录入"));
        String before = browser.findElement(By.id("business-days")).getText();
        assertEquals("261", before, "2096 has 261 weekdays");

        // the name first: the date picker's panel, closed by Escape, may still hold the focus a moment
        WebElement name = browser.findElement(By.id("calendar:newName"));
        name.sendKeys("国庆节");
        wait.until(ExpectedConditions.attributeToBe(name, "value", "国庆节"));
        WebElement day = browser.findElement(By.id("calendar:newDate_input"));
        day.sendKeys("2096-10-01", Keys.ESCAPE);
        wait.until(ExpectedConditions.attributeToBe(day, "value", "2096-10-01"));
        browser.findElement(By.id("calendar:add")).click();
        Browsers.ajaxIdle(wait);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar:days"), "国庆节"));
        assertEquals(Integer.parseInt(before) - 1, Integer.parseInt(browser.findElement(By.id("business-days")).getText()),
                "1 October 2096 is a Monday: one business day fewer");

        // a teller looks the date up
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-calendar"))).click();
        WebElement date = wait.until(ExpectedConditions.elementToBeClickable(By.id("calendar:lookupDate_input")));
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2096-10-01", Keys.ESCAPE);
        browser.findElement(By.id("calendar:look")).click();
        Browsers.ajaxIdle(wait);
        String found = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lookup-result"))).getText();
        assertTrue(found.contains("非营业日") && found.contains("国庆节") && found.contains("2096-10-02"), found);
        assertTrue(browser.findElements(By.id("calendar:add")).isEmpty(), "only an administrator enters days");
    }

    @Test
    void aTellerHasNoEndOfDayMenu() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        field(By.id("register:name"));
        assertTrue(browser.findElements(By.id("menu:nav-batch")).isEmpty());
    }

    @Test
    void aCardIssuedAtOpeningIsActivatedWhenTheCustomerSetsThePin() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("卡客户");
        By status = By.cssSelector("#cards\\:list .card-status");
        assertEquals("已发卡，未设密码", wait.until(ExpectedConditions.visibilityOfElementLocated(status)).getText());
        browser.findElement(By.id("cards:list:0:pin")).sendKeys("802413");
        browser.findElement(By.id("cards:list:0:pinRepeat")).sendKeys("802414");
        browser.findElement(By.id("cards:list:0:activate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cards"), "两次输入的密码不一致"));
        field(By.id("cards:list:0:pin")).sendKeys("802413");
        browser.findElement(By.id("cards:list:0:pinRepeat")).sendKeys("802413");
        browser.findElement(By.id("cards:list:0:activate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "正常"));
        assertTrue(browser.findElements(By.id("cards:issue")).isEmpty(), "one card in use per account");
    }

    @Test
    void aCompanyIsVerifiedAndRegisteredAndItsBasicAccountShowsTheCashFeeBeforeConfirming() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        Browsers.chooseOne(browser, wait, "register:customerType", "CORPORATE");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register:representative")));
        browser.findElement(By.id("register:name")).sendKeys("浏览器测试有限公司");
        browser.findElement(By.id("register:idNumber")).sendKeys(TestData.creditCode());
        browser.findElement(By.id("register:address")).sendKeys("北京市海淀区中关村大街1号");
        browser.findElement(By.id("register:representative")).sendKeys("法人甲");
        browser.findElement(By.id("register:contactName")).sendKeys("联系人乙");
        browser.findElement(By.id("register:contactPhone")).sendKeys("010-12345678");
        String number = verifyRegisterAndOpen();
        assertEquals("基本存款账户", browser.findElement(By.id("account-type")).getText());

        post("DEPOSIT", "20000.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "20,000.00 CNY"));
        String confirmation = post("WITHDRAWAL", "10000.00", null);
        assertTrue(confirmation.contains("5.00 CNY"), "the 0.05% fee is shown before confirming: " + confirmation);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "9,995.00 CNY"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("menu:nav-open"))).click();
        field(By.id("find:query")).sendKeys(number);
        browser.findElement(By.id("find:search")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("find:found:0:select"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account:accounts"), number));
        assertEquals("浏览器测试有限公司", browser.findElement(By.id("customer-name")).getText());
    }

    /** See {@link Browsers#post}. */
    private String post(String operation, String amount, String payee) {
        return Browsers.post(browser, wait, operation, amount, payee);
    }

    private void ajaxIdle() {
        Browsers.ajaxIdle(wait);
    }

    /** A field to type into once it shows and its page has settled (see Browsers#settled). */
    private WebElement field(By id) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(id));
        Browsers.settled(wait);
        return field;
    }

    /**
     * On the customer screen: verifies and registers a new individual, opens a class-I account and
     * returns the number shown on the account screen.
     */
    private String openAccount(String name) {
        field(By.id("register:name")).sendKeys(name); // (the page focuses its customer search when ready)
        browser.findElement(By.id("register:idNumber")).sendKeys(TestData.residentId());
        browser.findElement(By.id("register:phone")).sendKeys("13800138000");
        browser.findElement(By.id("register:address")).sendKeys("北京市西城区金融大街1号");
        return verifyRegisterAndOpen();
    }

    private String verifyRegisterAndOpen() {
        browser.findElement(By.id("register:verify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("register:submit"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("account:open"))).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-number"))).getText().trim();
    }

    @Test
    void theHoldersIdNumberIsMaskedUntilTheTellerChecksTheDocumentAndTheTrailSaysWhoSawIt() throws Exception {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("核对证件");
        String masked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#holder-id .id-masked")))
                .getText().trim();
        assertTrue(masked.matches("\\d\\*{16}[\\dX]"), "one character each end: " + masked);
        browser.findElement(By.id("holder-id:reveal")).click();
        String full = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("id-full"))).getText().trim();
        assertTrue(full.matches("\\d{17}[\\dX]") && full.charAt(0) == masked.charAt(0)
                && full.charAt(17) == masked.charAt(17), full);
        HttpResponse<String> trail = Https.get("/api/v1/audit/records?action=PERSONAL_DATA_REVEALED&actor=" + AsUser.TELLER,
                DemoData.AUDITOR, DemoData.AUDITOR_PASSWORD);
        assertEquals(200, trail.statusCode(), trail.body());
        assertTrue(trail.body().contains("ID number, birth date, phone"), trail.body());
    }

    @Test
    void aNewUserChoosesAPasswordAndEnrolsATokenFromTheQrCodeAtTheFirstSignIn() throws Exception {
        HttpResponse<String> created = Https.postJson("/api/v1/users", "admin1", "Admin1!Demo", null,
                "{\"username\":\"b" + Long.toString(System.nanoTime(), 36) + "\",\"displayName\":\"新柜员\","
                        + "\"branchCode\":\"0001\",\"roles\":[\"TELLER\"]}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject user = Json.createReader(new StringReader(created.body())).readObject();
        browser = Browsers.newBrowser();
        SIGNED_IN.put(user.getString("username"), browser); // quit with the others
        wait = Browsers.waitFor(browser);
        browser.get(Https.BASE + "/app/index.xhtml");
        field(By.id("j_username")).sendKeys(user.getString("username"));
        browser.findElement(By.id("j_password")).sendKeys(user.getString("temporaryPassword"));
        browser.findElement(By.id("login-submit")).click(); // no code: there is no token yet

        field(By.id("new-password")).sendKeys("Password1234!");
        browser.findElement(By.id("repeat-password")).sendKeys("Password1234!");
        browser.findElement(By.id("change-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "常见密码"));
        browser.findElement(By.id("new-password")).sendKeys("Counter#nine-2042");
        browser.findElement(By.id("repeat-password")).sendKeys("Counter#nine-2042");
        browser.findElement(By.id("change-submit")).click();

        String key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("enrol-key"))).getText().replace(" ", "");
        assertTrue(browser.findElement(By.id("enrol-qr")).getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        browser.findElement(By.id("enrol-code")).sendKeys(Totp.code(key, Totp.step(Instant.now())));
        browser.findElement(By.id("enrol-submit")).click();
        assertEquals(user.getString("username"),
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user"))).getText());
    }

    /**
     * Signs {@code user} in (once per class) and, for the counter's users, opens the account-opening
     * screen, where a customer's business starts (the home page is each role's dashboard).
     */
    private void signIn(String user, String password) {
        browser = browserOf(user, password);
        wait = Browsers.waitFor(browser);
        if (AsUser.TELLER.equals(user) || AsUser.SUPERVISOR.equals(user)) {
            browser.get(Https.BASE + "/app/open-account.xhtml");
        }
    }

    @Test
    void aSupervisorShowsEachReportWithItsChartAndOpensItsExcelPdfAndCsv() throws Exception {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("报表图表客户");
        post("DEPOSIT", "88.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "88.00 CNY"));

        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        clickWhenReady(By.id("menu:nav-reports"));
        // the daily report of today is shown on opening; the day's postings are counted a second after they commit
        wait.until(d -> {
            d.navigate().refresh();
            Browsers.settled(wait); // its charts drawn
            return chartTotal("report-chart") > 0;
        });
        String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
        List<String> reports = List.of("DAILY_BUSINESS", "DEPOSIT_BALANCES", "FEE_INCOME", "TELLER_WORKLOAD",
                "ACCOUNT_OPENINGS", "DORMANT_ACCOUNTS", "LARGE_CASH", "REVERSALS", "SERVICE_RATINGS"); // as the screen lists them
        for (String report : reports) {
            clickWhenReady(By.id("report:name"));
            clickWhenReady(By.cssSelector("#report\\:name_items li:nth-child(" + (reports.indexOf(report) + 1) + ")"));
            clickWhenReady(By.id("report:show"));
            ajaxIdle();
            wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("xlsx"))
                    .getAttribute("href").contains("/" + report + ".xlsx"));
            ajaxIdle();
            String title = browser.findElement(By.id("report-title")).getText();
            List<String> headers = wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(
                    By.cssSelector("#rows th")).stream().map(WebElement::getText).toList());

            HttpResponse<byte[]> xlsx = Https.getBytesInSession(browser.findElement(By.id("xlsx")).getAttribute("href"),
                    cookie, "*/*");
            assertEquals(200, xlsx.statusCode(), report);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                assertEquals(title, book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
                List<String> sheetHeaders = new ArrayList<>();
                book.getSheetAt(0).getRow(book.getSheetAt(0).getLastRowNum() - browser.findElements(
                        By.cssSelector("#rows_data tr[data-ri]")).size() - 1).forEach(c -> sheetHeaders.add(c.getStringCellValue()));
                assertEquals(headers, sheetHeaders, report + ": the workbook's columns are the screen's");
                // the workbook's line of totals, as the screen writes figures, is the screen's
                String totals = browser.findElement(By.id("totals")).getText();
                book.getSheetAt(0).getRow(book.getSheetAt(0).getLastRowNum()).forEach(c -> {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        double value = c.getNumericCellValue();
                        String shown = value == Math.rint(value) && !c.getCellStyle().getDataFormatString().contains(".")
                                ? String.valueOf((long) value) : String.format("%,.2f", value);
                        assertTrue(totals.contains(shown), report + ": " + shown + " in " + totals);
                    }
                });
            }
            HttpResponse<byte[]> pdf = Https.getBytesInSession(browser.findElement(By.id("pdf")).getAttribute("href"),
                    cookie, "*/*");
            assertEquals(200, pdf.statusCode(), report);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertTrue(new PDFTextStripper().getText(document).contains(title), report);
            }
            HttpResponse<byte[]> csv = Https.getBytesInSession(browser.findElement(By.id("csv")).getAttribute("href"),
                    cookie, "*/*");
            assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains(String.join(",", headers)), report);
        }
    }

    /** The id of the element that has the keyboard's focus. */
    private String focused() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.activeElement ? document.activeElement.id : null;");
    }

    @Test
    void aTellerDepositsWithTheKeyboardAloneFromTheFirstFieldToThePrintedVoucher() throws Exception {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        String number = openAccount("键盘客户");
        browser.get(Https.BASE + "/app/account.xhtml?number=" + number);
        wait.until(d -> "posting:amount".equals(focused()));
        Actions keys = new Actions(browser);
        By withdrawal = By.xpath("//*[@id='posting:operation']//input[@value='WITHDRAWAL']");
        By deposit = By.xpath("//*[@id='posting:operation']//input[@value='DEPOSIT']");
        keys.sendKeys(Keys.F4).perform();
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(withdrawal).isSelected());
        wait.until(d -> "posting:amount".equals(focused()));
        keys.sendKeys(Keys.F2).perform();
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(deposit).isSelected());
        wait.until(d -> "posting:amount".equals(focused()));

        keys.sendKeys("1234.5").perform();
        wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.textToBe(
                By.id("posting:amount-capitals"), "人民币壹仟贰佰叁拾肆元伍角整"));
        keys.sendKeys(Keys.ENTER).perform();
        wait.until(d -> "posting:confirm-yes".equals(focused()));
        assertTrue(browser.findElement(By.id("confirm-text")).getText().contains("1234.50"));
        keys.sendKeys(Keys.ENTER).perform();

        String voucher = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("voucher-number"))).getText();
        wait.until(d -> "voucher:print".equals(focused()));
        String text = pdfText(browser.findElement(By.id("voucher:print")).getAttribute("href"));
        assertTrue(text.contains(voucher) && text.contains("1,234.50"), text);

        // the customer rates the service on the screen that faces them (服务评价)
        browser.get(browser.findElement(By.id("voucher:rating")).getAttribute("href"));
        assertEquals(voucher, wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated-voucher"))).getText());
        clickWhenReady(By.xpath("//button[contains(@class, 'rating-5')]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
    }

    /** The sum of every value a chart on the page draws, -1 while Chart.js has not drawn it. */
    private long chartTotal(String chartId) {
        Object total = ((JavascriptExecutor) browser).executeScript("var box = document.getElementById(arguments[0]);"
                + "var canvas = box ? box.querySelector('canvas') : null; var chart = canvas ? Chart.getChart(canvas) : null;"
                + "if (!chart) { return -1; } return chart.data.datasets.reduce(function (sum, set) {"
                + "return sum + set.data.reduce(function (a, b) { return a + Number(b); }, 0); }, 0);", chartId);
        return ((Number) total).longValue();
    }

    @Test
    void theHomePagesDrawTheDayForTheTellerAndTheBranchForTheSupervisor() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("概览图表客户");
        post("DEPOSIT", "100.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "100.00 CNY"));
        clickWhenReady(By.id("menu:nav-home"));
        // the dashboards count a posting a second or so after it commits: the page is opened again until it shows
        wait.until(d -> {
            d.navigate().refresh();
            Browsers.settled(wait); // its charts drawn
            return chartTotal("teller-chart") > 0;
        });
        assertTrue(Long.parseLong(browser.findElement(By.id("teller-entries")).getText()) >= 1);
        assertFalse(browser.findElement(By.id("teller-types")).getText().isBlank());

        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        clickWhenReady(By.id("menu:nav-home"));
        wait.until(d -> chartTotal("branch-form:hour-chart") > 0);
        assertTrue(Long.parseLong(browser.findElement(By.id("branch-entries")).getText()) >= 1);
        assertTrue(browser.findElement(By.id("branch-form:branch-types")).getText().contains("现金存款"));
        assertTrue(browser.findElement(By.id("branch-form:branch-tills")).getText().contains(AsUser.TELLER));
    }

    @Test
    void aSupervisorSeesTheServersFiguresOnTheMonitoringPage() {
        signIn(AsUser.TELLER, AsUser.TELLER_PASSWORD);
        openAccount("监控页客户");
        post("DEPOSIT", "100.00", null);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("balance"), "100.00 CNY"));

        signIn(AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD);
        clickWhenReady(By.id("menu:nav-operations"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ops:figures")));
        String postings = browser.findElement(By.id("ops:postings")).getText();
        assertTrue(postings.contains("现金存款") && postings.contains("柜面"), postings);
        assertTrue(Long.parseLong(browser.findElement(By.id("api-calls")).getText()) >= 0);
        assertFalse(browser.findElements(By.cssSelector("#ops\\:figures .figure.pool")).isEmpty(), "the database pool");
        assertTrue(browser.findElement(By.id("ops:queues")).getText().contains("teller.core.postings"));
    }
}
