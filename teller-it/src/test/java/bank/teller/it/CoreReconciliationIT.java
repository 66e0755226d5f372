package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.integration.CoreBreaks;
import bank.teller.integration.CoreReconciliations;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
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
        Map<Long, String> byEntry = day.breakList().stream().collect(Collectors.toMap(CoreBreaks.BreakView::entryId,
                b -> b.category() + " " + b.amount(), (a, b) -> a + "; " + b));
        assertEquals("TELLER_ONLY 100.00", byEntry.get(entries.get(dropped)));
        assertEquals("AMOUNT_MISMATCH 100.00", byEntry.get(entries.get(wrong)));
        assertEquals("DUPLICATED 100.00", byEntry.get(entries.get(twice)));
        assertTrue(!byEntry.containsKey(entries.get(right)), "booked right: matched");
        assertTrue(!byEntry.containsKey(entries.get(late)), "acknowledged late, booked right: matched");
        List<CoreBreaks.BreakView> phantoms = day.breakList().stream()
                .filter(b -> b.detail().contains(phantom)).toList();
        assertEquals(List.of("CORE_ONLY 66.00"), phantoms.stream().map(b -> b.category() + " " + b.amount()).toList());
        assertEquals(List.of("RECONCILED", "RECONCILED"), List.of(state(entries.get(right)), state(entries.get(late))));
        assertEquals(List.of("BREAK", "BREAK", "BREAK"), List.of(state(entries.get(dropped)), state(entries.get(wrong)),
                state(entries.get(twice))));
        assertTrue(Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'CORE_RECONCILIATION' AND subject = ?",
                today.toString()) >= 1, "audited");

        CoreReconciliations.Summary again = asUser.supervisor(() -> reconciliations.reconcile(today));
        assertEquals(day.breaks(), again.breaks(), "the same breaks, no more");
        assertEquals(day.breakList().stream().map(CoreBreaks.BreakView::id).toList(),
                again.breakList().stream().map(CoreBreaks.BreakView::id).toList(), "kept, not found anew");
        assertEquals(day.breakList().size(), Sql.count("SELECT COUNT(*) FROM core_break WHERE business_date = ?", today));
        CoreReconciliations.CategoryTotal amounts = again.categories().stream()
                .filter(c -> c.category().equals("AMOUNT_MISMATCH")).findFirst().orElseThrow();
        assertTrue(amounts.breaks() >= 1 && amounts.open() == amounts.breaks(), amounts.toString());

        // each break resolved as a supervisor would
        CoreBreaks breaks = Lookup.ejb("teller-ejb", CoreBreaks.class);
        long droppedBreak = breakOf(again, entries.get(dropped));
        long wrongBreak = breakOf(again, entries.get(wrong));
        long twiceBreak = breakOf(again, entries.get(twice));
        long phantomBreak = phantoms.get(0).id();
        assertEquals(ErrorCode.CORE_BREAK_NOT_RESENDABLE, refused(() -> breaks.resend(wrongBreak, null)));
        assertEquals(ErrorCode.CORE_BREAK_NOT_ADJUSTABLE,
                refused(() -> breaks.adjust(phantomBreak, phantom, "DEBIT", "66.00", "核心单边账")));
        assertEquals(ErrorCode.ADJUSTMENT_SAME_DAY, refused(() -> breaks.adjust(wrongBreak, wrong, "DEBIT", "0.01",
                "same-day entry: reversed, not adjusted")), "an adjustment goes through Adjustments and its rules");
        assertEquals(ErrorCode.TEXT_INVALID, refused(() -> breaks.resolve(twiceBreak, " ")), "a note is required");
        assertEquals("OPEN", asUser.supervisor(() -> breaks.get(wrongBreak)).status(), "refusals change nothing");

        CoreBreaks.BreakView resent = asUser.supervisor(() -> breaks.resend(droppedBreak, "核心漏记，重发"));
        assertEquals(List.of("OPEN", CoreBreaks.RESENT), List.of(resent.status(), resent.resolution()));
        asUser.supervisor(() -> breaks.resolve(wrongBreak, "核心已冲正并按 100.00 重记"));
        asUser.supervisor(() -> breaks.resolve(twiceBreak, "核心已冲销重复记账"));
        asUser.supervisor(() -> breaks.resolve(phantomBreak, "核心单边账，核心已冲销"));
        assertEquals(ErrorCode.CORE_BREAK_RESOLVED, refused(() -> breaks.resolve(twiceBreak, "again")));
        assertEquals(ErrorCode.CORE_BREAK_NOT_FOUND, refused(() -> breaks.resolve(Long.MAX_VALUE, "none")));
        assertEquals(4, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action IN ('CORE_BREAK_RESEND', "
                + "'CORE_BREAK_RESOLVE') AND subject IN (?, ?, ?, ?)", "core-break:" + droppedBreak,
                "core-break:" + wrongBreak, "core-break:" + twiceBreak, "core-break:" + phantomBreak), "audited");

        // the resent entry is booked by the core this time: reconciled, its break resolved
        CoreReconciliations.Summary after = asUser.supervisor(() -> {
            reconciliations.awaitCore(today);
            return reconciliations.reconcile(today);
        });
        CoreBreaks.BreakView bookedNow = asUser.supervisor(() -> breaks.get(droppedBreak));
        assertEquals(List.of("RESOLVED", CoreBreaks.RESENT), List.of(bookedNow.status(), bookedNow.resolution()),
                bookedNow.toString());
        assertEquals("RECONCILED", state(entries.get(dropped)));
        for (long id : List.of(wrongBreak, twiceBreak, phantomBreak)) {
            assertEquals("RESOLVED", asUser.supervisor(() -> breaks.get(id)).status(), "a resolved break stays resolved");
        }
        assertEquals(after.breakList().stream().filter(CoreBreaks.BreakView::open).count(), after.openBreaks());
        assertEquals(after.openBreaks(), after.categories().stream().mapToInt(CoreReconciliations.CategoryTotal::open).sum());
        // breaks other tests left on the day (entries parked in the outbox) resolved too: the day ends settled
        for (CoreBreaks.BreakView other : after.breakList().stream().filter(CoreBreaks.BreakView::open).toList()) {
            asUser.supervisor(() -> breaks.resolve(other.id(), "left by another test"));
        }
        CoreReconciliations.Summary settled = asUser.supervisor(() -> reconciliations.summary(today));
        assertEquals(0, settled.openBreaks());
        assertTrue(settled.settled());
    }

    private static long breakOf(CoreReconciliations.Summary day, long entryId) {
        return day.breakList().stream().filter(b -> b.entryId() == entryId).findFirst().orElseThrow().id();
    }

    private ErrorCode refused(AsUser.Work<?> work) {
        TellerException e = assertThrows(TellerException.class, () -> asUser.supervisor(work));
        return e.code();
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
