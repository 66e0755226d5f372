package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium from Debian (chromium, chromium-driver), never a downloaded browser. */
final class Browsers {

    private Browsers() {
    }

    static WebDriver newBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(System.getProperty("chromium.binary", "/usr/bin/chromium")));
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * A wait of 30 s that polls again when the element it reads was just replaced by an AJAX update
     * (a stale element, or Chrome's "Node with given id does not belong to the document", which
     * chromedriver reports as an unknown error): the next poll reads the new one.
     */
    static WebDriverWait waitFor(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
    }

    /**
     * Signs in on the screen with the user's next dynamic code, and waits for the start screen. A code
     * the server refuses (a test in the server's JVM took that step for the same user: this JVM cannot
     * see it) is followed by the next step's, twice at most.
     */
    static void signIn(WebDriver driver, String user, String password) {
        for (int attempt = 1; ; attempt++) {
            driver.get(Https.BASE + "/app/index.xhtml");
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username"))).sendKeys(user);
            driver.findElement(By.id("j_password")).sendKeys(password);
            driver.findElement(By.id("code")).sendKeys(Tokens.nextCode(user));
            driver.findElement(By.id("login-submit")).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user")));
                return;
            } catch (org.openqa.selenium.TimeoutException refused) {
                if (attempt == 3) {
                    throw new IllegalStateException("signing in " + user + " ended on: " + driver.getCurrentUrl() + "\n"
                            + driver.findElement(By.tagName("body")).getText(), refused);
                }
            }
        }
    }

    /**
     * Chooses the operation, fills in the amount (and payee), checks the confirmation and confirms;
     * returns the confirmation text the teller read out.
     */
    static String post(WebDriver browser, WebDriverWait wait, String operation, String amount, String payee) {
        settled(wait); // the page, or the posting before, done: keys typed earlier go to a form being replaced
        chooseOne(browser, wait, "posting:operation", operation);
        if (payee != null) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("posting:payee"))).sendKeys(payee);
        }
        if (amount != null) {
            WebElement amountField = browser.findElement(By.id("posting:amount"));
            amountField.clear();
            amountField.sendKeys(amount);
        }
        browser.findElement(By.id("posting:submit")).click();
        if (!wait.until(d -> d.findElement(By.id("posting:confirm")).isDisplayed()
                || !d.findElements(By.cssSelector("#posting .ui-message-error")).isEmpty())) {
            return null;
        }
        if (browser.findElement(By.id("posting:confirm")).isDisplayed()) {
            String text = browser.findElement(By.id("confirm-text")).getText() + " "
                    + browser.findElement(By.id("confirm-capitals")).getText()
                    + browser.findElements(By.id("confirm-fee")).stream().map(e -> " " + e.getText()).findFirst().orElse("");
            assertTrue(amount == null || text.contains(amount), text);
            browser.findElement(By.id("posting:confirm-yes")).click();
            return text;
        }
        return null;
    }

    /**
     * Chooses {@code value} in the choice of one {@code id} (radio inputs drawn as buttons) by its label,
     * unless it is chosen already; waits for the form the choice re-renders.
     */
    static void chooseOne(WebDriver browser, WebDriverWait wait, String id, String value) {
        By input = By.xpath("//*[@id='" + id + "']//input[@value='" + value + "']");
        if (!wait.until(ExpectedConditions.presenceOfElementLocated(input)).isSelected()) {
            String inputId = browser.findElement(input).getAttribute("id");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[for='" + inputId + "']"))).click();
            ajaxIdle(wait); // the choice re-renders the form by ajax: only the new form may be filled in
        }
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(input).isSelected());
    }

    /**
     * Waits until the page has loaded, its ajax is done and its start-up is behind it: p:focus moves the
     * focus a moment after the page is ready, and again after an ajax update of the whole page, and keys
     * typed before that go to the field it focuses. So: 300 ms quiet since the page loaded and since the
     * last ajax answer (noted by a listener this puts on the page the first time).
     */
    static void settled(WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "if (window.jQuery && !window.tellerQuietSince) {"
                        + "  window.tellerQuietSince = Date.now();"
                        + "  jQuery(document).on('pfAjaxComplete', function () { window.tellerQuietSince = Date.now(); });"
                        + "}"
                        + "var quiet = Math.max(performance.timing.domContentLoadedEventEnd, window.tellerQuietSince || 0);"
                        + "return document.readyState === 'complete'"
                        + " && (window.PrimeFaces === undefined || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (window.jQuery === undefined || jQuery.active === 0)"
                        + " && performance.timing.domContentLoadedEventEnd > 0 && Date.now() - quiet > 300;")));
    }

    /** Waits until PrimeFaces has no ajax request queued or running. */
    static void ajaxIdle(WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.PrimeFaces === undefined || PrimeFaces.ajax.Queue.isEmpty();")));
    }
}
