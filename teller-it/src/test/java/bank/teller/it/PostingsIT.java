package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Transfers;
import bank.teller.account.domain.AccountNumber;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Postings through the EJBs: deposit, withdrawal, transfer; replay, refusal, roll back. */
@ExtendWith(ArquillianExtension.class)
class PostingsIT {

    /** The core system's simulator's look into its book. */
    private static final String CORE_BOOKINGS = "https://localhost:8443/core-sim/api/bookings/";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("postings-it", PostingsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private CashDeposits deposits;
    private CashWithdrawals withdrawals;
    private Transfers transfers;
    private AccountQueries queries;

    @BeforeEach
    void lookUpServices() {
        // here, not in field initialisers: JUnit also creates the test instance outside the server
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
        transfers = Lookup.ejb("teller-ejb", Transfers.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
    }

    @Test
    void aDepositCreditsTheAccountAndPostsOneBalancedEntry() throws Exception {
        String account = newAccount();
        Receipt receipt = asUser.teller(() -> deposits.deposit(account, "1200.50", "CNY", TestData.requestId("dep")));

        assertEquals("1200.50", receipt.balanceAfter());
        assertEquals("1200.50", asUser.teller(() -> queries.account(account)).balance());
        assertEquals(AsUser.TELLER, receipt.teller());
        assertEquals(2, Sql.count("SELECT COUNT(*) FROM journal_line WHERE entry_id = ?", receipt.entryId()));
        assertEquals(0, Sql.scalar("SELECT SUM(CASE WHEN side = 'DEBIT' THEN amount ELSE -amount END) FROM journal_line "
                + "WHERE entry_id = ?", receipt.entryId()).signum());
        assertEquals(new BigDecimal("1200.50"), Sql.scalar("SELECT amount FROM journal_line WHERE entry_id = ? "
                + "AND gl_code = '1001' AND side = 'DEBIT'", receipt.entryId()));
    }

    @Test
    void aReplayedRequestReturnsTheFirstReceiptAndPostsNothing() throws Exception {
        String account = newAccount();
        String requestId = TestData.requestId("replay");
        Receipt first = asUser.teller(() -> deposits.deposit(account, "300.00", "CNY", requestId));
        Receipt again = asUser.teller(() -> deposits.deposit(account, "300.00", "CNY", requestId));

        assertEquals(first, again);
        assertEquals("300.00", asUser.teller(() -> queries.account(account)).balance());
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", account));
    }

    @Test
    void theSameRequestIdFromAnotherCallerIsAnotherRequest() throws Exception {
        String account = newAccount();
        String requestId = TestData.requestId("scope");
        Receipt tellers = asUser.teller(() -> deposits.deposit(account, "100.00", "CNY", requestId));
        Receipt supervisors = asUser.supervisor(() -> deposits.deposit(account, "100.00", "CNY", requestId));

        assertNotEquals(tellers.entryId(), supervisors.entryId());
        assertEquals(tellers, asUser.teller(() -> deposits.deposit(account, "100.00", "CNY", requestId)));
        assertEquals(supervisors, asUser.supervisor(() -> deposits.deposit(account, "100.00", "CNY", requestId)));
        assertEquals("200.00", asUser.teller(() -> queries.account(account)).balance());
        assertEquals(List.of("super1", "teller1"), Sql.strings("SELECT teller FROM journal_entry WHERE request_id = ? "
                + "ORDER BY teller", requestId));
    }

    @Test
    void aRequestIdReusedForADifferentAmountIsRefused() throws Exception {
        String account = newAccount();
        String requestId = TestData.requestId("reuse");
        asUser.teller(() -> deposits.deposit(account, "10.00", "CNY", requestId));
        TellerException e = assertThrows(TellerException.class,
                () -> asUser.teller(() -> deposits.deposit(account, "11.00", "CNY", requestId)));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.code());
        assertEquals("10.00", asUser.teller(() -> queries.account(account)).balance());
    }

    @Test
    void badAmountsAreRefusedAndChangeNothing() throws Exception {
        String account = newAccount();
        for (String[] bad : new String[][]{{"0.00", "AMOUNT_NOT_POSITIVE"}, {"-5.00", "AMOUNT_NOT_POSITIVE"},
                {"0.005", "AMOUNT_SUB_FEN"}, {"123456789012345678.00", "AMOUNT_TOO_LARGE"}, {"abc", "VALIDATION_FAILED"}}) {
            TellerException e = assertThrows(TellerException.class,
                    () -> asUser.teller(() -> deposits.deposit(account, bad[0], "CNY", TestData.requestId("bad"))));
            assertEquals(bad[1], e.code().name(), bad[0]);
        }
        TellerException currency = assertThrows(TellerException.class,
                () -> asUser.teller(() -> deposits.deposit(account, "1.00", "USD", TestData.requestId("usd"))));
        assertEquals(ErrorCode.CURRENCY_NOT_SUPPORTED, currency.code());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", account));
        assertEquals("0.00", asUser.teller(() -> queries.account(account)).balance());
    }

    @Test
    void anUnknownAccountOrAWrongCheckDigitIsRefused() throws Exception {
        String account = newAccount();
        String wrongCheckDigit = account.substring(0, 15) + (char) ('0' + (account.charAt(15) - '0' + 1) % 10);
        TellerException invalid = assertThrows(TellerException.class,
                () -> asUser.teller(() -> deposits.deposit(wrongCheckDigit, "1.00", "CNY", TestData.requestId("chk"))));
        assertEquals(ErrorCode.ACCOUNT_NUMBER_INVALID, invalid.code());
        TellerException unknown = assertThrows(TellerException.class,
                () -> asUser.teller(() -> deposits.deposit(AccountNumber.generate("9999", "01", 1).value(), "1.00", "CNY", TestData.requestId("unk"))));
        assertEquals(ErrorCode.ACCOUNT_NOT_FOUND, unknown.code());
    }

    @Test
    void aWithdrawalPaysOutCashUpToTheAvailableBalanceAndNotAFenMore() throws Exception {
        String account = newAccount();
        asUser.teller(() -> deposits.deposit(account, "500.00", "CNY", TestData.requestId("dep")));

        TellerException refused = assertThrows(TellerException.class, () -> asUser.teller(
                () -> withdrawals.withdraw(account, "500.01", "CNY", TestData.requestId("wd"))));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refused.code());
        assertEquals("500.00", refused.args().get(1));
        assertEquals("500.00", asUser.teller(() -> queries.account(account)).balance());

        String requestId = TestData.requestId("wd");
        Receipt receipt = asUser.teller(() -> withdrawals.withdraw(account, "500.00", "CNY", requestId));
        assertEquals("0.00", receipt.balanceAfter());
        // asked again (a lost answer), it finds the money gone, and answers with the first receipt all the same
        assertEquals(receipt, asUser.teller(() -> withdrawals.withdraw(account, "500.00", "CNY", requestId)));
        assertEquals(new BigDecimal("500.00"), Sql.scalar("SELECT amount FROM journal_line WHERE entry_id = ? "
                + "AND gl_code = '1001' AND side = 'CREDIT'", receipt.entryId()));
        assertEquals(new BigDecimal("500.00"), Sql.scalar("SELECT amount FROM journal_line WHERE entry_id = ? "
                + "AND account_number = ? AND side = 'DEBIT'", receipt.entryId(), account));
    }

    @Test
    void aTransferDebitsThePayerAndCreditsThePayeeInOneEntry() throws Exception {
        String payer = newAccount();
        String payee = newAccount();
        asUser.teller(() -> deposits.deposit(payer, "1000.00", "CNY", TestData.requestId("dep")));

        Receipt receipt = asUser.teller(() -> transfers.transfer(payer, payee, "250.25", "CNY", TestData.requestId("tr")));
        assertEquals("749.75", receipt.balanceAfter());
        assertEquals(payee, receipt.counterpartyAccountNumber());
        assertEquals("250.25", asUser.teller(() -> queries.account(payee)).balance());
        assertEquals(2, Sql.count("SELECT COUNT(*) FROM journal_line WHERE entry_id = ?", receipt.entryId()));
        assertEquals(new BigDecimal("250.25"), Sql.scalar("SELECT balance_after FROM journal_line WHERE entry_id = ? "
                + "AND account_number = ? AND side = 'CREDIT'", receipt.entryId(), payee));

        TellerException tooMuch = assertThrows(TellerException.class, () -> asUser.teller(
                () -> transfers.transfer(payer, payee, "749.76", "CNY", TestData.requestId("tr"))));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, tooMuch.code());
        TellerException self = assertThrows(TellerException.class, () -> asUser.teller(
                () -> transfers.transfer(payer, payer, "1.00", "CNY", TestData.requestId("tr"))));
        assertEquals(ErrorCode.TRANSFER_TO_SAME_ACCOUNT, self.code());
        assertEquals("749.75", asUser.teller(() -> queries.account(payer)).balance());
        assertEquals("250.25", asUser.teller(() -> queries.account(payee)).balance());
    }

    @Test
    void anAnonymousCallerCannotDeposit() {
        assertThrows(EJBAccessException.class,
                () -> deposits.deposit("0001010000000016", "1.00", "CNY", TestData.requestId("anon")));
    }

    @Test
    void theCoreSystemBooksTheCommittedEntryOnceAndAcknowledgesItWithItsReference() throws Exception {
        String account = newAccount();
        Receipt receipt = asUser.teller(() -> deposits.deposit(account, "88.80", "CNY", TestData.requestId("core")));

        // the core system's simulator (core-sim) consumes teller.core.postings and books what it reads
        Await.until(() -> Sql.count("SELECT COUNT(*) FROM core_posting WHERE entry_id = ? AND state = 'ACKNOWLEDGED'",
                receipt.entryId()) == 1);
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM core_outbox WHERE entry_id = ?", receipt.entryId()),
                "sent from the outbox and removed from it together");
        HttpResponse<String> booked = Https.get(CORE_BOOKINGS + receipt.entryId(), null, null);
        assertEquals(200, booked.statusCode(), booked.body());
        JsonObject booking = Json.createReader(new StringReader(booked.body())).readObject();
        assertEquals(Sql.strings("SELECT core_ref FROM core_posting WHERE entry_id = ?", receipt.entryId()),
                List.of(booking.getString("coreRef")), "Teller keeps the core's own reference");
        JsonObject json = booking.getJsonObject("posting");
        assertEquals("teller.core.posting", json.getString("schema"));
        assertEquals(1, json.getInt("version"));
        assertEquals(receipt.entryId(), json.getJsonNumber("entryId").longValue());
        assertEquals("CASH_DEPOSIT", json.getString("type"));
        assertEquals(2, json.getJsonArray("lines").size());
        assertEquals("88.80", json.getJsonArray("lines").getJsonObject(1).getString("amount"));
        assertEquals(account, json.getJsonArray("lines").getJsonObject(1).getString("accountNumber"));
    }

    @Test
    void anAcknowledgementThatComesAgainChangesNothingAndOneForNoEntryIsDeadLettered() throws Exception {
        String account = newAccount();
        Receipt receipt = asUser.teller(() -> deposits.deposit(account, "1.00", "CNY", TestData.requestId("ack")));
        Await.until(() -> Sql.count("SELECT COUNT(*) FROM core_posting WHERE entry_id = ? AND state = 'ACKNOWLEDGED'",
                receipt.entryId()) == 1);
        List<String> first = Sql.strings("SELECT core_ref FROM core_posting WHERE entry_id = ?", receipt.entryId());
        assertEquals(1, first.size(), "acknowledged by the core");
        sendAcknowledgement(acknowledgement(receipt.entryId(), "CORE-ANOTHER-REF"));
        long unknownEntry = Long.MAX_VALUE - 7;
        String correlation = "ack-" + UUID.randomUUID();
        sendAcknowledgement(acknowledgement(unknownEntry, "CORE-NO-ENTRY"), correlation);
        Message dead = receive("java:/jms/queue/teller.core.acknowledgements.DLQ",
                "JMSCorrelationID = '" + correlation + "'", 30_000);
        assertNotNull(dead, "an acknowledgement of no entry of Teller's ends on the dead-letter queue");
        assertEquals(first, Sql.strings("SELECT core_ref FROM core_posting WHERE entry_id = ?", receipt.entryId()),
                "the first booking's reference is kept");
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM core_posting WHERE entry_id = ?", unknownEntry));
    }

    private static String acknowledgement(long entryId, String coreRef) {
        return Json.createObjectBuilder().add("schema", "teller.core.acknowledgement").add("version", 1)
                .add("messageId", "TLR-POSTING-" + entryId).add("entryId", entryId).add("coreRef", coreRef)
                .build().toString();
    }

    private static void sendAcknowledgement(String body) {
        sendAcknowledgement(body, "ack-" + UUID.randomUUID());
    }

    private static void sendAcknowledgement(String body, String correlationId) {
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        Queue queue = Lookup.jndi("java:/jms/queue/teller.core.acknowledgements");
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().setJMSCorrelationID(correlationId).send(queue, body);
        }
    }

    @Test
    void aDepositThatFailsAfterItsEntryLeavesNoEntryNoBalanceAndNoMessage() throws Exception {
        String account = newAccount();
        Receipt first = asUser.teller(() -> deposits.deposit(account, "1.00", "CNY", TestData.requestId("rollback")));
        // the number the till's next voucher will take, taken already: the posting fails at its last step
        int dash = first.voucherNo().lastIndexOf('-');
        String next = first.voucherNo().substring(0, dash + 1)
                + String.format("%06d", Integer.parseInt(first.voucherNo().substring(dash + 1)) + 1);
        Sql.update("INSERT INTO voucher (voucher_no, entry_id, branch_code, business_date, till_code, sequence_no, "
                + "account_number, teller, print_count) SELECT ?, (SELECT MIN(e.id) FROM journal_entry e WHERE NOT EXISTS "
                + "(SELECT 1 FROM voucher w WHERE w.entry_id = e.id)), branch_code, business_date, till_code, "
                + "sequence_no + 1, account_number, teller, 0 FROM voucher WHERE voucher_no = ?", next, first.voucherNo());
        String requestId = TestData.requestId("rollback");
        try {
            assertThrows(Exception.class, () -> asUser.teller(() -> deposits.deposit(account, "500.00", "CNY", requestId)));
        } finally {
            Sql.update("DELETE FROM voucher WHERE voucher_no = ?", next);
        }
        assertEquals("1.00", asUser.teller(() -> queries.account(account)).balance());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id = ?", requestId));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", account));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM core_outbox o WHERE NOT EXISTS "
                + "(SELECT 1 FROM journal_entry e WHERE e.id = o.entry_id)"), "an outbox row outlived its entry");
        // asked again, once the fault is gone, it is posted: the failed attempt reserved nothing
        assertEquals("501.00", asUser.teller(() -> deposits.deposit(account, "500.00", "CNY", requestId)).balanceAfter());
    }

    private String newAccount() throws Exception {
        return Counter.classOneAccount(asUser, "测试客户");
    }

    private static Message receive(String queueName, String selector, long timeoutMillis) {
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        Queue queue = Lookup.jndi(queueName);
        try (JMSContext jms = factory.createContext(); JMSConsumer consumer = jms.createConsumer(queue, selector)) {
            return consumer.receive(timeoutMillis);
        }
    }
}
