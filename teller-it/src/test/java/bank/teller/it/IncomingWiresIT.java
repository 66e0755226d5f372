package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountClosing;
import bank.teller.approval.application.Approvals;
import bank.teller.customer.application.CustomerView;
import bank.teller.payment.application.IncomingWireView;
import bank.teller.payment.application.IncomingWires;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wires in from other banks (issue 17), delivered by the clearing simulator deployed beside Teller:
 * credited to the named account once however often it comes; held in suspense when the account is
 * closed, another holder's or unknown; applied by a supervisor to an account, or returned to its bank,
 * once.
 */
@ExtendWith(ArquillianExtension.class)
class IncomingWiresIT {

    private static final String SIMULATOR = "https://localhost:8443/clearing-sim/api/incoming";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("incoming-wires-it", IncomingWiresIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private IncomingWires incoming;

    @BeforeEach
    void lookUpServices() {
        incoming = Lookup.ejb("teller-ejb", IncomingWires.class);
    }

    @Test
    void aWireToTheNamedAccountIsCreditedOnceThoughClearingDeliversItTwice() throws Exception {
        String account = Counter.classOneAccount(asUser, "来账客户");
        String ref = fromOtherBank(account, "来账 客户", "1234.56", true);

        IncomingWireView credited = awaitStatus(ref, "CREDITED");
        assertEquals(account, credited.creditedAccount(), "the name matches once spaces are set aside");
        assertEquals(List.of("DEBIT 1011 1234.56", "CREDIT 2011 1234.56"), Sql.journalLines(credited.entryId()));
        Await.until(() -> Sql.count("SELECT COUNT(*) FROM audit_record WHERE subject = ?", ref) == 2);
        assertEquals(List.of("clearing WIRE_IN SUCCESS", "clearing WIRE_IN SUCCESS"), Sql.strings(
                "SELECT actor || ' ' || action || ' ' || result FROM audit_record WHERE subject = ? ORDER BY id", ref),
                "both deliveries in the audit trail, in the clearing system's name");
        assertEquals(new BigDecimal("1234.56"), balance(account), "credited once");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id = ?", "wire-in:" + ref));
    }

    @Test
    void aWireToAClosedAccountIsHeldInSuspenseAndASupervisorAppliesItOnce() throws Exception {
        CustomerView customer = Counter.individual(asUser, "销户来账客户");
        String closed = Counter.open(asUser, customer, "INDIVIDUAL_I", null);
        AccountClosing closing = Lookup.ejb("teller-ejb", AccountClosing.class);
        String closingRequest = TestData.requestId("close");
        TellerException waiting = assertThrows(TellerException.class,
                () -> asUser.teller(() -> closing.close(closed, null, closingRequest)));
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", Approvals.class)
                .approve(((Number) waiting.args().get(0)).longValue(), "客户销户"));
        asUser.teller(() -> closing.close(closed, null, closingRequest));
        String current = Counter.open(asUser, customer, "INDIVIDUAL_I", null); // the customer's new account
        String ref = fromOtherBank(closed, "销户来账客户", "800.00", false);

        IncomingWireView held = awaitStatus(ref, "SUSPENDED");
        assertEquals("ACCOUNT_CLOSED", held.suspenseReason());
        assertEquals(List.of("DEBIT 1011 800.00", "CREDIT 2251 800.00"), Sql.journalLines(held.entryId()));
        assertTrue(asUser.supervisor(() -> incoming.held()).stream().anyMatch(w -> w.clearingRef().equals(ref)));
        assertThrows(EJBAccessException.class, () -> asUser.teller(() -> incoming.apply(ref, current, "x",
                TestData.requestId("apply"))), "a teller cannot decide");
        assertEquals(ErrorCode.ACCOUNT_NOT_ACTIVE, refused(() -> incoming.apply(ref, closed, "客户确认",
                TestData.requestId("apply"))), "the closed account takes nothing, not even from suspense");
        assertEquals(ErrorCode.TEXT_INVALID, refused(() -> incoming.apply(ref, current, " ", TestData.requestId("apply"))),
                "a decision needs its note");

        String requestId = TestData.requestId("apply");
        IncomingWireView applied = asUser.supervisor(() -> incoming.apply(ref, current, "客户来电确认，入新账户", requestId));
        assertEquals("APPLIED", applied.status());
        assertEquals(current, applied.creditedAccount());
        assertEquals(List.of("DEBIT 2251 800.00", "CREDIT 2011 800.00"), Sql.journalLines(applied.settledEntryId()));
        assertEquals(new BigDecimal("800.00"), balance(current));
        assertEquals(applied.settledEntryId(), asUser.supervisor(() -> incoming.apply(ref, current,
                "客户来电确认，入新账户", requestId)).settledEntryId(), "a replay answers the same and posts nothing");
        assertEquals(ErrorCode.INCOMING_WIRE_NOT_SUSPENDED, refused(() -> incoming.returnToSender(ref, "again",
                TestData.requestId("return"))), "decided once");
        assertEquals(new BigDecimal("800.00"), balance(current));
        assertTrue(Sql.strings("SELECT action FROM audit_record WHERE subject = ? ORDER BY id", ref)
                .contains(IncomingWires.APPLIED), "the decision in the audit trail");
    }

    @Test
    void anotherHoldersNameOrAnUnknownAccountIsHeldAndASupervisorReturnsItToItsBank() throws Exception {
        String account = Counter.classOneAccount(asUser, "真实户名");
        String mismatch = fromOtherBank(account, "别的名字", "300.00", false);
        String unknown = fromOtherBank("6222029999000001", "无此人", "50.00", false);

        IncomingWireView held = awaitStatus(mismatch, "SUSPENDED");
        assertEquals("NAME_MISMATCH", held.suspenseReason());
        assertTrue(held.reasonDetail().contains("真实户名"), held.reasonDetail());
        assertEquals("ACCOUNT_NOT_FOUND", awaitStatus(unknown, "SUSPENDED").suspenseReason());
        assertEquals(BigDecimal.ZERO.setScale(2), balance(account), "nothing credited to a name that is not the holder's");

        IncomingWireView returned = asUser.supervisor(() -> incoming.returnToSender(mismatch, "户名不符，退回汇出行",
                TestData.requestId("return")));
        assertEquals("RETURNED", returned.status());
        assertEquals(List.of("DEBIT 2251 300.00", "CREDIT 1011 300.00"), Sql.journalLines(returned.settledEntryId()));
        assertEquals(ErrorCode.INCOMING_WIRE_NOT_FOUND, refused(() -> incoming.wire("CNIN000000000000000000")));
    }

    /** Has the clearing simulator deliver a wire in from another bank; its clearing reference. */
    private static String fromOtherBank(String account, String name, String amount, boolean twice) throws Exception {
        String body = Json.createObjectBuilder().add("payeeAccount", account).add("payeeName", name).add("amount", amount)
                .add("twice", twice).build().toString();
        HttpResponse<String> response = Https.send(Https.inSession(SIMULATOR, null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        assertEquals(202, response.statusCode(), response.body());
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        return answer.getString("clearingRef");
    }

    private ErrorCode refused(AsUser.Work<?> call) {
        return assertThrows(TellerException.class, () -> asUser.supervisor(call)).code();
    }

    private IncomingWireView awaitStatus(String ref, String status) throws Exception {
        Await.until(() -> Sql.count("SELECT COUNT(*) FROM incoming_wire WHERE clearing_ref = ?", ref) == 1);
        IncomingWireView wire = asUser.supervisor(() -> incoming.wire(ref));
        assertEquals(status, wire.status(), wire.toString());
        return wire;
    }

    private static BigDecimal balance(String account) throws Exception {
        return Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account);
    }
}
