package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.integration.CoreReconciliations;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reconciliation with the core system (对账, issue 18) against the core system's simulator, told to
 * misbehave: a deposit it books right, one it drops, one it books a fen wrong, one it books twice, one
 * it acknowledges late, and a booking of its own Teller never sent. Each becomes exactly its break (the
 * late one matches), and running the reconciliation again finds the same breaks, no more.
 */
@ExtendWith(ArquillianExtension.class)
class CoreReconciliationIT {

    private static final String CORE = "http://localhost:8080/core-sim/api/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("core-reconciliation-it", CoreReconciliationIT.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void eachMisbehaviourOfTheCoreBecomesExactlyItsBreak() throws Exception {
        LocalDate today = Sql.businessDate();
        String right = Counter.classOneAccount(asUser, "对账正常");
        String dropped = Counter.classOneAccount(asUser, "对账漏记");
        String wrong = Counter.classOneAccount(asUser, "对账错账");
        String twice = Counter.classOneAccount(asUser, "对账重复");
        String late = Counter.classOneAccount(asUser, "对账迟到");
        String phantom = Counter.classOneAccount(asUser, "对账多记");
        misbehave(dropped, "DROP");
        misbehave(wrong, "WRONG_AMOUNT");
        misbehave(twice, "TWICE");
        misbehave(late, "LATE");
        Map<String, Long> entries = List.of(right, dropped, wrong, twice, late).stream().collect(Collectors.toMap(
                account -> account, account -> deposit(account, "100.00")));
        HttpResponse<String> booked = post("phantoms", "{\"account\":\"" + phantom + "\",\"amount\":\"66.00\","
                + "\"side\":\"CREDIT\",\"businessDate\":\"" + today + "\"}");
        assertEquals(201, booked.statusCode(), booked.body());

        CoreReconciliations reconciliations = Lookup.ejb("teller-ejb", CoreReconciliations.class);
        CoreReconciliations.Summary day = asUser.supervisor(() -> {
            reconciliations.awaitCore(today);
            return reconciliations.reconcile(today);
        });
        assertEquals("BREAKS", day.status(), day.toString());
        Map<Long, String> byEntry = day.breakList().stream().collect(Collectors.toMap(CoreReconciliations.BreakView::entryId,
                b -> b.category() + " " + b.amount(), (a, b) -> a + "; " + b));
        assertEquals("TELLER_ONLY 100.00", byEntry.get(entries.get(dropped)));
        assertEquals("AMOUNT_MISMATCH 100.00", byEntry.get(entries.get(wrong)));
        assertEquals("DUPLICATED 100.00", byEntry.get(entries.get(twice)));
        assertTrue(!byEntry.containsKey(entries.get(right)), "booked right: matched");
        assertTrue(!byEntry.containsKey(entries.get(late)), "acknowledged late, booked right: matched");
        List<CoreReconciliations.BreakView> phantoms = day.breakList().stream()
                .filter(b -> b.detail().contains(phantom)).toList();
        assertEquals(List.of("CORE_ONLY 66.00"), phantoms.stream().map(b -> b.category() + " " + b.amount()).toList());
        assertEquals(List.of("RECONCILED", "RECONCILED"), List.of(state(entries.get(right)), state(entries.get(late))));
        assertEquals(List.of("BREAK", "BREAK", "BREAK"), List.of(state(entries.get(dropped)), state(entries.get(wrong)),
                state(entries.get(twice))));
        assertTrue(Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'CORE_RECONCILIATION' AND subject = ?",
                today.toString()) >= 1, "audited");

        CoreReconciliations.Summary again = asUser.supervisor(() -> reconciliations.reconcile(today));
        assertEquals(day.breaks(), again.breaks(), "the same breaks, no more");
        assertEquals(day.breakList().size(), Sql.count("SELECT COUNT(*) FROM core_break WHERE business_date = ?", today));
    }

    private long deposit(String account, String amount) {
        try {
            return asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, amount, "CNY",
                    TestData.requestId("recon"))).entryId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(long entryId) throws Exception {
        return Sql.strings("SELECT state FROM core_posting WHERE entry_id = ?", entryId).get(0);
    }

    private static void misbehave(String account, String kind) throws Exception {
        HttpResponse<String> told = post("misbehaviours", "{\"account\":\"" + account + "\",\"kind\":\"" + kind + "\"}");
        assertEquals(204, told.statusCode(), told.body());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(CORE + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
