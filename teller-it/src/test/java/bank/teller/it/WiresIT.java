package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.payment.application.WireReceipt;
import bank.teller.payment.application.WireView;
import bank.teller.payment.application.Wires;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wire transfers out (issue 17) against the clearing simulator deployed beside Teller: settled,
 * rejected by clearing (a bank its directory lacks), returned by the payee's bank (退汇), answered
 * twice, answered wrongly, never answered; bad input refused with its own code and nothing posted.
 * Bulk-route amounts only (the bulk system takes payments around the clock; the large-value
 * system's hours would make the suite depend on the time of day).
 */
@ExtendWith(ArquillianExtension.class)
class WiresIT {

    private static final String ICBC = "102100099996";
    /** Active in Teller's directory, unknown to the clearing system's (a stale directory). */
    private static final String STALE = "310290000013";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("wires-it", WiresIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Wires wires;
    private CashDeposits cash;

    @BeforeEach
    void lookUpServices() {
        wires = Lookup.ejb("teller-ejb", Wires.class);
        cash = Lookup.ejb("teller-ejb", CashDeposits.class);
    }

    @Test
    void aWireIsDebitedIntoTransitThenSettledByClearingAndItsProgressShowsEachStep() throws Exception {
        String payer = funded("电汇客户", "20000.00");
        String requestId = TestData.requestId("wire");
        Wires.Request request = wire(payer, "6222020200001234", ICBC, "1000.00");
        assertEquals("5.00", asUser.teller(() -> wires.quote(request)).fee(), "the fee schedule's first tier");
        assertEquals("BULK", asUser.teller(() -> wires.quote(request)).route());

        WireReceipt sent = asUser.teller(() -> wires.send(request, requestId));
        assertEquals("SUBMITTED", sent.wire().status());
        assertEquals(new BigDecimal("18995.00"), balance(payer), "1,000.00 and the 5.00 fee debited at once");
        assertEquals(List.of("DEBIT 2011 1000.00", "CREDIT 2261 1000.00", "DEBIT 2011 5.00", "CREDIT 6021 5.00"),
                Sql.journalLines(sent.receipt().entryId()));
        assertEquals(sent.wire().reference(), asUser.teller(() -> wires.send(request, requestId)).wire().reference(),
                "a replay answers the same wire");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM wire WHERE payer_account = ?", payer), "and sends no other");

        WireView settled = awaitStatus(sent.wire().reference(), "SETTLED");
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "SETTLED"), statuses(settled));
        assertTrue(settled.clearingRef() != null && settled.clearingRef().startsWith("CN"), settled.toString());
        assertEquals(List.of("DEBIT 2261 1000.00", "CREDIT 1011 1000.00"), Sql.journalLines(settled.progress().get(2).entryId()));
        assertEquals(new BigDecimal("18995.00"), balance(payer));
        assertEquals(settled.reference(), asUser.teller(() -> wires.ofAccount(payer, 10)).get(0).reference());
        assertEquals(List.of("clearing WIRE_ACCEPTED SUCCESS", "clearing WIRE_SETTLED SUCCESS"), Sql.strings(
                "SELECT actor || ' ' || action || ' ' || result FROM audit_record WHERE subject = ? ORDER BY id",
                settled.reference()), "each answer in the audit trail, in the clearing system's name");
    }

    @Test
    void aWireClearingRejectsGivesThePayerTheAmountAndTheFeeBack() throws Exception {
        String payer = funded("电汇拒绝客户", "5000.00");
        WireReceipt sent = asUser.teller(() -> wires.send(wire(payer, "6222020200001234", STALE, "2000.00"),
                TestData.requestId("wire")));
        WireView rejected = awaitStatus(sent.wire().reference(), "REJECTED");
        assertTrue(rejected.progress().get(1).detail().contains("unknown"), rejected.toString());
        assertEquals(List.of("DEBIT 2261 2000.00", "DEBIT 6021 5.00", "CREDIT 2011 2005.00"),
                Sql.journalLines(rejected.progress().get(1).entryId()));
        assertEquals(new BigDecimal("5000.00"), balance(payer), "all of it back");
    }

    @Test
    void aWireThePayeesBankReturnsGivesTheAmountBackAndKeepsTheFee() throws Exception {
        String payer = funded("电汇退汇客户", "5000.00");
        WireReceipt sent = asUser.teller(() -> wires.send(wire(payer, "6222020200004041", ICBC, "3000.00"),
                TestData.requestId("wire")));
        WireView returned = awaitStatus(sent.wire().reference(), "RETURNED");
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "SETTLED", "RETURNED"), statuses(returned));
        assertTrue(returned.progress().get(3).detail().contains("name"), returned.toString());
        assertEquals(List.of("DEBIT 1011 3000.00", "CREDIT 2011 3000.00"), Sql.journalLines(returned.progress().get(3).entryId()));
        assertEquals(new BigDecimal("4995.00"), balance(payer), "the amount back, the fee kept");
    }

    @Test
    void answersThatComeTwiceOrContradictChangeNothingAndAWireNeverAnsweredStaysSubmitted() throws Exception {
        String payer = funded("电汇异常客户", "10000.00");
        String twice = asUser.teller(() -> wires.send(wire(payer, "6222020200002222", ICBC, "100.00"),
                TestData.requestId("wire"))).wire().reference();
        String wrong = asUser.teller(() -> wires.send(wire(payer, "6222020200006666", ICBC, "200.00"),
                TestData.requestId("wire"))).wire().reference();
        String lost = asUser.teller(() -> wires.send(wire(payer, "6222020200009999", ICBC, "300.00"),
                TestData.requestId("wire"))).wire().reference();

        WireView settledOnce = awaitStatus(twice, "SETTLED");
        Await.until(() -> asUser.teller(() -> wires.wire(twice)).progress().size() == 5);
        settledOnce = asUser.teller(() -> wires.wire(twice));
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "SETTLED", "SETTLED", "SUBMITTED"),
                statuses(settledOnce).stream().sorted().toList(), "each answer kept, in whatever order it came");
        assertEquals("SETTLED", settledOnce.status());
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id = ?", "wire:" + twice + ":SETTLED"),
                "settled once");

        Await.until(() -> asUser.teller(() -> wires.wire(wrong)).progress().size() == 4);
        WireView contradicted = asUser.teller(() -> wires.wire(wrong));
        assertEquals("SETTLED", contradicted.status(), "a rejection after the settlement changes nothing");
        assertTrue(contradicted.progress().get(3).detail().contains("looked into"), contradicted.toString());
        assertEquals(null, contradicted.progress().get(3).entryId());

        assertEquals("SUBMITTED", asUser.teller(() -> wires.wire(lost)).status(), "no answer, nothing assumed");
        // half an hour without an answer: listed for a supervisor to follow up, never sent again by itself
        Sql.update("UPDATE wire SET updated_at = ? WHERE reference = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), lost);
        List<String> followUp = asUser.supervisor(() -> wires.awaitingFollowUp()).stream().map(WireView::reference)
                .toList();
        assertTrue(followUp.contains(lost) && !followUp.contains(twice), followUp.toString());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM clearing_outbox o JOIN wire w ON w.id = o.wire_id "
                + "WHERE w.reference = ?", lost), "sent once, and not queued again");
        assertEquals(new BigDecimal("9385.00"), balance(payer), "600.00 and three fees of 5.00, nothing back");
    }

    @Test
    void badInputIsRefusedWithItsOwnCodeAndNothingIsPosted() throws Exception {
        String payer = funded("电汇错误客户", "1000.00");
        long entries = Sql.count("SELECT COUNT(*) FROM journal_entry");
        assertEquals(ErrorCode.WIRE_BANK_UNKNOWN, refused(wire(payer, "6222020200001234", "999999999999", "10.00")));
        assertEquals(ErrorCode.WIRE_BANK_UNKNOWN, refused(wire(payer, "6222020200001234", "10210009999", "10.00")));
        assertEquals(ErrorCode.WIRE_BANK_INACTIVE, refused(wire(payer, "6222020200001234", "303100000006", "10.00")));
        assertEquals(ErrorCode.WIRE_PAYEE_ACCOUNT_INVALID, refused(wire(payer, "6222-0202-0000", ICBC, "10.00")));
        assertEquals(ErrorCode.WIRE_PAYEE_ACCOUNT_INVALID, refused(wire(payer, "62220<b>", ICBC, "10.00")));
        assertEquals(ErrorCode.WIRE_OVER_ROUTE_LIMIT, refused(wire(payer, "6222020200001234", ICBC, "100000000.01")));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refused(wire(payer, "6222020200001234", ICBC, "996.00")),
                "1,000.00 covers 995.00 and its fee of 5.00, not more");
        assertEquals(ErrorCode.TEXT_INVALID, refused(new Wires.Request(payer, " ", "6222020200001234", ICBC,
                "10.00", "货款", false)));
        assertEquals(entries, Sql.count("SELECT COUNT(*) FROM journal_entry"), "nothing was posted");
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM wire WHERE payer_account = ?", payer), "no wire was written");
        assertEquals(ErrorCode.WIRE_NOT_FOUND, assertThrows(TellerException.class,
                () -> asUser.teller(() -> wires.wire("W2026000000"))).code());
    }

    private ErrorCode refused(Wires.Request request) {
        return assertThrows(TellerException.class, () -> asUser.teller(() -> wires.send(request,
                TestData.requestId("bad")))).code();
    }

    private String funded(String name, String amount) throws Exception {
        String account = Counter.classOneAccount(asUser, name);
        asUser.teller(() -> cash.deposit(account, amount, "CNY", TestData.requestId("fund")));
        return account;
    }

    private static Wires.Request wire(String payer, String payeeAccount, String bank, String amount) {
        return new Wires.Request(payer, "王五", payeeAccount, bank, amount, "货款", false);
    }

    private WireView awaitStatus(String reference, String status) throws Exception {
        Await.until(() -> status.equals(asUser.teller(() -> wires.wire(reference)).status()));
        WireView wire = asUser.teller(() -> wires.wire(reference));
        assertEquals(status, wire.status(), wire.toString());
        return wire;
    }

    private static List<String> statuses(WireView wire) {
        return wire.progress().stream().map(WireView.Step::status).toList();
    }

    private static BigDecimal balance(String account) throws Exception {
        return Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account);
    }
}
