package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.platform.DemoData;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every screen, the sign-in page included, run through axe-core (the accessibility engine, from the
 * npm registry: teller-it's build installs it) in headless Chromium, each as the role that works on it:
 * no violation of critical or serious impact (WCAG 2.1 A and AA and axe's best practices). A new one
 * fails the test, named with its rule and the elements it found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

    private static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
    /** Runs axe on the page; answers its critical and serious violations, each with up to five elements. */
    private static final String RUN = "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations"
            + ".filter(function (v) { return v.impact === 'critical' || v.impact === 'serious'; })"
            + ".map(function (v) { return v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 5).map(function (n) {"
            + "return n.target.join(' '); }).join(' | '); })); }).catch(function (e) { done(['axe failed: ' + e]); });";

    @Deployment(testable = false)
    static WebArchive nothingExtra() {
        return InContainer.placeholder("accessibility-it");
    }

    /** The screens each role works on (an account's screen with one of the demo accounts). */
    private static Map<String, List<String>> screens() throws Exception {
        Map<String, List<String>> screens = new LinkedHashMap<>();
        String account = demoAccount();
        screens.put(AsUser.TELLER, List.of("home", "open-account", "account.xhtml?number=" + account, "deposits", "wires",
                "collections", "direct-debits", "claims", "till", "blank-vouchers", "calendar", "interest-rates"));
        screens.put(AsUser.SUPERVISOR, List.of("home", "approvals", "large-cash", "reports", "incoming-wires",
                "end-of-day", "batch", "fee-schedule", "approval-policy", "dead-letters", "reconciliation", "migration", "operations"));
        screens.put("audit1", List.of("home", "audit"));
        screens.put("admin1", List.of("home", "users", "api-clients"));
        screens.put(DemoData.TRAINER, List.of("home", "training", "till")); // the training mark in the top bar
        return screens;
    }

    /** A demo customer's account (张三's), found through the API as the teller, before any browser signs in. */
    private static String demoAccount() throws Exception {
        String query = java.net.URLEncoder.encode("张三", java.nio.charset.StandardCharsets.UTF_8);
        jakarta.json.JsonArray customers = Json.createReader(new StringReader(Https.get("/api/v1/customers?q=" + query,
                AsUser.TELLER, AsUser.TELLER_PASSWORD).body())).readArray();
        long id = customers.getJsonObject(0).getJsonNumber("id").longValue();
        return Json.createReader(new StringReader(Https.get("/api/v1/customers/" + id + "/accounts", AsUser.TELLER,
                AsUser.TELLER_PASSWORD).body())).readArray().getJsonObject(0).getString("accountNumber");
    }

    private static List<String> violations(WebDriver browser, String axe) {
        ((JavascriptExecutor) browser).executeScript(axe);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript(RUN);
        return found;
    }

    @Test
    void noScreenHasACriticalOrSeriousAccessibilityViolation() throws Exception {
        assertTrue(Files.exists(AXE), "axe-core is installed by the build (npm): " + AXE.toAbsolutePath());
        String axe = Files.readString(AXE);
        List<String> found = new ArrayList<>();
        WebDriver anonymous = Browsers.newBrowser();
        try {
            anonymous.get(Https.BASE + "/login.xhtml");
            Browsers.waitFor(anonymous).until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            violations(anonymous, axe).forEach(v -> found.add("login: " + v));
        } finally {
            anonymous.quit();
        }
        Map<String, String> passwords = Map.of(AsUser.TELLER, AsUser.TELLER_PASSWORD, AsUser.SUPERVISOR,
                AsUser.SUPERVISOR_PASSWORD, "audit1", DemoData.AUDITOR_PASSWORD, "admin1", DemoData.ADMIN_PASSWORD,
                DemoData.TRAINER, DemoData.TRAINER_PASSWORD);
        for (Map.Entry<String, List<String>> role : screens().entrySet()) {
            WebDriver browser = Browsers.newBrowser();
            try {
                Browsers.signIn(browser, role.getKey(), passwords.get(role.getKey()));
                for (String screen : role.getValue()) {
                    browser.get(Https.BASE + "/app/" + (screen.contains(".xhtml") ? screen : screen + ".xhtml"));
                    Browsers.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user")));
                    Browsers.ajaxIdle(Browsers.waitFor(browser));
                    violations(browser, axe).forEach(v -> found.add(screen + " (" + role.getKey() + "): " + v));
                }
            } finally {
                browser.quit();
            }
        }
        assertEquals(List.of(), found, "critical and serious accessibility violations:\n" + String.join("\n", found));
    }
}
