package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.Cards;
import bank.teller.account.application.CashDeposits;
import bank.teller.ledger.application.LedgerCheck;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.terminal.Terminals;
import bank.teller.till.application.TillView;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A self-service terminal (自助终端) as a client of its own: registered by an administrator (its key),
 * its cash box loaded from the vault by a supervisor; a customer deposits, withdraws (the answer lost and
 * asked again: one posting), is held to the card's daily limit, gets a withdrawal the machine did not
 * dispense reversed, prints a statement, and locks the card with three wrong PINs; the box agrees with
 * its ledger, is emptied into the vault and counted.
 */
@ExtendWith(ArquillianExtension.class)
class TerminalsIT {

    private static final String PIN = "147258";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("terminals-it", TerminalsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void aCustomerUsesATerminalWhoseBoxIsAccountedLikeATill() throws Exception {
        String admin = TestUsers.create("ADMIN");
        Terminals terminals = Lookup.ejb("teller-ejb", Terminals.class);
        Terminals.Registered registered = asUser.as(admin, TestUsers.PASSWORD,
                () -> terminals.register("0001", "A01", "ATM", "大堂取款机 Lobby ATM"));
        String terminal = registered.terminal().terminalId();
        String key = registered.apiKey();
        assertEquals("0001A01", terminal);
        TillView loaded = asUser.supervisor(() -> terminals.load(terminal, "30000.00", TestData.requestId("load")));
        assertEquals(List.of("OPEN", "30000.00"), List.of(loaded.status(), loaded.position()));

        String account = Counter.classOneAccount(asUser, "自助客户");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, "30000.00", "CNY",
                TestData.requestId("dep")));
        String card = card(account);

        JsonObject deposit = created(terminal(key, "deposits", card, PIN, "500.00", TestData.requestId("atm")));
        assertEquals("30500.00", deposit.getString("balanceAfter"));
        assertEquals("terminal-0001a01", Sql.string("SELECT teller FROM journal_entry WHERE id = ?",
                deposit.getJsonNumber("entryId").longValue()), "journalled with the terminal's id");

        // the answer is lost: the terminal asks again with the same request id and gets the first one
        String lost = TestData.requestId("atm");
        JsonObject first = created(terminal(key, "withdrawals", card, PIN, "15000.00", lost));
        JsonObject again = created(terminal(key, "withdrawals", card, PIN, "15000.00", lost));
        assertEquals(first.getJsonNumber("entryId"), again.getJsonNumber("entryId"));
        assertEquals("15500.00", balance(key, card));

        HttpResponse<String> overLimit = terminal(key, "withdrawals", card, PIN, "5000.01", TestData.requestId("atm"));
        assertEquals(409, overLimit.statusCode(), overLimit.body());
        assertTrue(overLimit.body().contains("TERMINAL_DAILY_LIMIT"), overLimit.body());

        // not dispensed: reversed at once, once, and the allowance given back
        String jammed = TestData.requestId("atm");
        created(terminal(key, "withdrawals", card, PIN, "5000.00", jammed));
        assertEquals("10500.00", balance(key, card));
        JsonObject reversal = notDispensed(key, jammed);
        assertEquals(reversal.getJsonNumber("entryId"), notDispensed(key, jammed).getJsonNumber("entryId"), "once");
        assertEquals("15500.00", balance(key, card));
        assertEquals("NOT_DISPENSED", Sql.string("SELECT status FROM terminal_withdrawal WHERE request_id = ?", jammed));
        created(terminal(key, "withdrawals", card, PIN, "5000.00", TestData.requestId("atm")));

        HttpResponse<String> slip = terminal(key, "statement", card, PIN, null, null);
        JsonObject statement = json(slip);
        assertEquals("10500.00", statement.getJsonObject("account").getString("balance"));
        assertEquals(6, statement.getJsonArray("transactions").size(), slip.body());

        // the box: 30,000 loaded + 500 in - 15,000 - 5,000 + 5,000 not dispensed - 5,000, and its ledger agrees
        LedgerCheck books = asUser.supervisor(() -> Lookup.ejb("teller-ejb", TrialBalance.class).check());
        LedgerCheck.Till box = books.tills().stream().filter(t -> t.tillCode().equals("A01")).findFirst().orElseThrow();
        assertTrue(box.agrees(), box.toString());
        assertEquals("10500.00", box.cash());
        assertTrue(books.balanced(), books.findings().toString());

        // three wrong PINs lock the card for the day, the right one included after that
        HttpResponse<String> wrong = terminal(key, "balance", card, "000000", null, null);
        assertTrue(wrong.body().contains("CARD_PIN_WRONG"), wrong.body());
        terminal(key, "balance", card, "000001", null, null);
        HttpResponse<String> third = terminal(key, "balance", card, "000002", null, null);
        assertTrue(third.body().contains("CARD_PIN_LOCKED"), "the third wrong PIN locks the card: " + third.body());
        HttpResponse<String> locked = terminal(key, "balance", card, PIN, null, null);
        assertEquals(409, locked.statusCode());
        assertTrue(locked.body().contains("CARD_PIN_LOCKED"), locked.body());

        TillView emptied = asUser.supervisor(() -> terminals.unload(terminal, "10500.00",
                TestData.requestId("unload")));
        assertEquals("0.00", emptied.position());
        TillView counted = asUser.supervisor(() -> terminals.count(terminal, Map.of(), TestData.requestId("count")));
        assertEquals("CLOSED", counted.status());
    }

    private String card(String account) throws Exception {
        Cards cards = Lookup.ejb("teller-ejb", Cards.class);
        String pan = asUser.teller(() -> cards.issue(account, TestData.requestId("card"))).pan();
        asUser.teller(() -> cards.activate(pan, PIN, TestData.requestId("pin")));
        return pan;
    }

    private static String balance(String key, String card) throws Exception {
        return json(terminal(key, "balance", card, PIN, null, null)).getString("balance");
    }

    private static JsonObject notDispensed(String key, String requestId) throws Exception {
        return json(Https.send(Https.inSession("/api/v1/terminal/withdrawals/" + requestId + "/not-dispensed", null)
                .header("X-Api-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    private static HttpResponse<String> terminal(String key, String path, String card, String pin, String amount,
                                                 String requestId) throws Exception {
        var body = Json.createObjectBuilder().add("cardNumber", card).add("pin", pin);
        if (amount != null) {
            body.add("amount", amount);
        }
        HttpRequest.Builder request = Https.inSession("/api/v1/terminal/" + path, null).header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString(), StandardCharsets.UTF_8));
        if (requestId != null) {
            request.header("Idempotency-Key", requestId);
        }
        return Https.send(request.build());
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
