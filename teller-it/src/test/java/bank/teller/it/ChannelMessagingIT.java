package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.Cards;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.Transfers;
import bank.teller.account.domain.AccountNumber;
import bank.teller.deposit.application.TermDeposits;
import bank.teller.payment.application.Collections;
import bank.teller.payment.application.DirectDebits;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Online and mobile channels over JMS, each through its own queues: answers carry the correlation id
 * and go to the channel's own reply queue; a channel's request ids are its own; junk, and anything
 * that came through no channel's queue, goes to the DLQ. (The channels' rights on the broker are
 * JmsAccountsIT's.)
 */
@ExtendWith(ArquillianExtension.class)
class ChannelMessagingIT {

    private static final String REQUESTS = "java:/jms/queue/teller.channel.online.requests";
    private static final String REPLIES = "java:/jms/queue/teller.channel.online.replies";
    private static final String MOBILE_REQUESTS = "java:/jms/queue/teller.channel.mobile.requests";
    private static final String MOBILE_REPLIES = "java:/jms/queue/teller.channel.mobile.replies";
    private static final String DEAD_LETTERS = "java:/jms/queue/teller.channel.requests.DLQ";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("channel-messaging-it", ChannelMessagingIT.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void aBalanceInquiryIsAnsweredWithTheRequestsCorrelationId() throws Exception {
        String account = Counter.classOneAccount(asUser, "渠道客户");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                .deposit(account, "66.60", "CNY", TestData.requestId("dep")));

        String correlationId = "corr-" + UUID.randomUUID();
        send(correlationId, inquiry(account));
        JsonObject reply = replyTo(correlationId);

        assertEquals("teller.channel.reply", reply.getString("schema"));
        assertEquals(1, reply.getInt("version"));
        assertEquals("OK", reply.getString("status"));
        assertEquals(account, reply.getString("accountNumber"));
        assertEquals("66.60", reply.getString("balance"));
        assertEquals("CNY", reply.getString("currency"));
    }

    @Test
    void aChannelAsksForADepositAndRegistersANoticeOnceEvenWhenTheMessageComesTwice() throws Exception {
        String demand = Counter.classOneAccount(asUser, "渠道存款客户");
        long holder = Sql.scalar("SELECT customer_id FROM account WHERE account_number = ?", demand).longValue();
        for (int i = 0; i < 2; i++) {
            asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                    .deposit(demand, "40000.00", "CNY", TestData.requestId("dep")));
        }
        String certificate = Counter.certificatesInTill(asUser, AsUser.TELLER, 1).get(0);
        String deposit = asUser.teller(() -> Lookup.ejb("teller-ejb", TermDeposits.class).open(new TermDeposits.Opening(
                holder, "NOTICE_7D", "60000.00", demand, null, null, certificate), TestData.requestId("open")))
                .accountNumber();

        String asked = "corr-" + UUID.randomUUID();
        send(asked, depositMessage("DEPOSIT_INQUIRY", "mb-" + UUID.randomUUID(), deposit, null));
        JsonObject inquiry = replyTo(asked);
        assertEquals("OK", inquiry.getString("status"), inquiry.toString());
        assertEquals("NOTICE_7D", inquiry.getString("product"));
        assertEquals("60000.00", inquiry.getString("principal"));
        assertEquals(false, inquiry.getBoolean("certificateLost"));

        String date = Sql.businessDate().plusDays(7).toString();
        String notice = depositMessage("DEPOSIT_NOTICE", "mb-" + UUID.randomUUID(), deposit, date);
        String first = "corr-" + UUID.randomUUID();
        String second = "corr-" + UUID.randomUUID();
        send(first, notice);
        send(second, notice);
        assertEquals(date, replyTo(first).getString("noticeDate"));
        assertEquals(date, replyTo(second).getString("noticeDate"), "the repeat answers the first");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM deposit_event WHERE account_number = ? "
                + "AND kind = 'NOTICE_REGISTERED'", deposit), "registered once");

        String soon = "corr-" + UUID.randomUUID();
        send(soon, depositMessage("DEPOSIT_NOTICE", "mb-" + UUID.randomUUID(), deposit,
                Sql.businessDate().plusDays(1).toString()));
        JsonObject refused = replyTo(soon);
        assertEquals("REFUSED", refused.getString("status"));
        assertEquals("DEPOSIT_NOTICE_EXISTS", refused.getString("code"));
    }

    private static String depositMessage(String type, String requestId, String account, String date) {
        var message = Json.createObjectBuilder().add("schema", "teller.channel.request").add("version", 1)
                .add("type", type).add("requestId", requestId).add("accountNumber", account);
        if (date != null) {
            message.add("date", date).add("amount", "50000.00");
        }
        return message.build().toString();
    }

    @Test
    void aChannelTransferIsPostedOnceEvenWhenTheMessageComesTwice() throws Exception {
        String payer = openAccountWith("500.00");
        String payee = openAccountWith("0.00");
        String requestId = "mb-" + UUID.randomUUID();
        String transfer = transfer(requestId, payer, payee, "120.00");

        String firstCorrelation = "corr-" + UUID.randomUUID();
        send(firstCorrelation, transfer);
        JsonObject first = replyTo(firstCorrelation);
        assertEquals("OK", first.getString("status"), first.toString());
        assertEquals("380.00", first.getString("balance"));

        String againCorrelation = "corr-" + UUID.randomUUID();
        send(againCorrelation, transfer);
        JsonObject again = replyTo(againCorrelation);
        assertEquals("OK", again.getString("status"));
        assertEquals(first.getJsonNumber("entryId"), again.getJsonNumber("entryId"));

        assertEquals(new BigDecimal("380.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payer));
        assertEquals(new BigDecimal("120.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payee));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id = ? AND teller = 'channel' "
                + "AND branch_code = '0000'", "online:" + requestId));
    }

    @Test
    void aChannelSendsAWireOnceAndAsksForItsProgressUntilItIsSettled() throws Exception {
        String payer = openAccountWith("2000.00");
        String wire = Json.createObjectBuilder().add("version", 1).add("type", "WIRE_TRANSFER")
                .add("requestId", "mb-" + UUID.randomUUID()).add("payerAccountNumber", payer)
                .add("payeeAccountNumber", "6222020200001234").add("payeeName", "王五").add("payeeBank", "102100099996")
                .add("amount", "500.00").add("purpose", "网银汇款").build().toString();
        String firstCorrelation = "corr-" + UUID.randomUUID();
        send(firstCorrelation, wire);
        JsonObject sent = replyTo(firstCorrelation);
        assertEquals("OK", sent.getString("status"), sent.toString());
        assertEquals("0.00", sent.getString("fee"), "online wires have no fee in the schedule");
        String reference = sent.getString("reference");
        String againCorrelation = "corr-" + UUID.randomUUID();
        send(againCorrelation, wire);
        assertEquals(reference, replyTo(againCorrelation).getString("reference"), "the same wire, sent once");
        assertEquals(new BigDecimal("1500.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payer));

        String status = sent.getString("wireStatus");
        Instant deadline = Instant.now().plusSeconds(60);
        while (!"SETTLED".equals(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            String correlation = "corr-" + UUID.randomUUID();
            send(correlation, Json.createObjectBuilder().add("version", 1).add("type", "WIRE_INQUIRY")
                    .add("requestId", "mb-" + UUID.randomUUID()).add("reference", reference).build().toString());
            status = replyTo(correlation).getString("wireStatus");
        }
        assertEquals("SETTLED", status, "the customer sees the wire settled");
    }

    @Test
    void aChannelIsToldOnItsOwnQueueWhenTheWireItSentIsReturned() throws Exception {
        String payer = openAccountWith("800.00");
        String requestId = "mb-" + UUID.randomUUID();
        String correlation = "corr-" + UUID.randomUUID();
        send(correlation, Json.createObjectBuilder().add("version", 1).add("type", "WIRE_TRANSFER")
                .add("requestId", requestId).add("payerAccountNumber", payer)
                .add("payeeAccountNumber", "6222020200004041").add("payeeName", "王五").add("payeeBank", "102100099996")
                .add("amount", "300.00").add("purpose", "网银汇款").build().toString());
        String reference = replyTo(correlation).getString("reference");
        assertEquals(new BigDecimal("500.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payer));

        Message notice = receive(REPLIES, "JMSCorrelationID = 'wire:" + reference + "'", 60_000);
        assertNotNull(notice, "the channel is told that the wire came back");
        JsonObject told = Json.createReader(new StringReader(notice.getBody(String.class))).readObject();
        assertEquals("WIRE_STATUS", told.getString("type"));
        assertEquals(requestId, told.getString("requestId"), "under the channel's own request id of the wire");
        assertEquals("RETURNED", told.getString("wireStatus"));
        assertTrue(told.getString("reason").contains("name"), told.toString());
        assertEquals(new BigDecimal("800.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payer),
                "the money is back");
    }

    @Test
    void aCreditorsDebitFileComesOverJmsIsDebitedOnceAndItsResultIsAnsweredOnInquiry() throws Exception {
        String company = Counter.open(asUser, Counter.company(asUser, "渠道代扣公司"), "CORPORATE_BASIC", null);
        String agreement = "J" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", Collections.class).sign(
                new Collections.AgreementRequest(agreement, "渠道代扣", "UTILITY", company)));
        String payer = openAccountWith("100.00");
        asUser.teller(() -> Lookup.ejb("teller-ejb", DirectDebits.class).sign(new DirectDebits.MandateRequest(
                agreement, "M-1", payer, "50.00", "100.00", null, null)));
        String fileRef = "CH" + System.nanoTime();
        String file = debitFile("DIRECT_DEBIT_FILE", agreement, fileRef,
                "mandate_ref,amount\nM-1,25.00\nM-2,5.00\nM-1,2.5.0\n");

        String sent = "corr-" + UUID.randomUUID();
        send(sent, file);
        JsonObject received = replyTo(sent);
        assertEquals("OK", received.getString("status"), received.toString());
        assertEquals(3, received.getInt("lines"));
        long fileId = received.getJsonNumber("fileId").longValue();
        String again = "corr-" + UUID.randomUUID();
        send(again, file.replace("\"requestId\":\"", "\"requestId\":\"again-"));
        assertEquals(fileId, replyTo(again).getJsonNumber("fileId").longValue(), "the same file reference: the same file");

        JsonObject done = null;
        Instant deadline = Instant.now().plusSeconds(60);
        while ((done == null || !"COMPLETED".equals(done.getString("fileStatus"))) && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            String asked = "corr-" + UUID.randomUUID();
            send(asked, debitFile("DIRECT_DEBIT_FILE_INQUIRY", agreement, fileRef, null));
            done = replyTo(asked);
        }
        assertEquals("COMPLETED", done.getString("fileStatus"), done.toString());
        assertEquals(1, done.getInt("paid"));
        assertEquals(2, done.getInt("refused"));
        assertEquals("25.00", done.getString("paidTotal"));
        assertTrue(done.getString("result").contains("2,M-1,25.00,PAID"), done.getString("result"));
        assertTrue(done.getString("result").contains("3,M-2,5.00,REFUSED,NO_MANDATE"), done.getString("result"));
        assertEquals(new BigDecimal("75.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payer));
        assertEquals(new BigDecimal("25.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", company));

        String unknown = "corr-" + UUID.randomUUID();
        send(unknown, debitFile("DIRECT_DEBIT_FILE_INQUIRY", agreement, "NO-SUCH-FILE", null));
        assertEquals("DEBIT_FILE_NOT_FOUND", replyTo(unknown).getString("code"));
        String headless = "corr-" + UUID.randomUUID();
        send(headless, debitFile("DIRECT_DEBIT_FILE", agreement, "CH" + System.nanoTime(), "M-1,25.00\n"));
        assertEquals("DEBIT_FILE_INVALID", replyTo(headless).getString("code"), "a file without its header, refused whole");
    }

    private static String debitFile(String type, String agreement, String fileRef, String csv) {
        var message = Json.createObjectBuilder().add("version", 1).add("type", type)
                .add("requestId", "cb-" + UUID.randomUUID()).add("agreement", agreement).add("fileRef", fileRef);
        if (csv != null) {
            message.add("file", csv);
        }
        return message.build().toString();
    }

    @Test
    void anotherChannelsSameRequestIdIsAnotherRequestAnsweredOnItsOwnQueue() throws Exception {
        String payer = openAccountWith("500.00");
        String payee = openAccountWith("0.00");
        String requestId = "mb-" + UUID.randomUUID();
        String online = "corr-" + UUID.randomUUID();
        send(REQUESTS, online, transfer(requestId, payer, payee, "100.00"));
        assertEquals("OK", replyTo(online).getString("status"));

        String mobile = "corr-" + UUID.randomUUID();
        send(MOBILE_REQUESTS, mobile, transfer(requestId, payer, payee, "100.00"));
        assertEquals("300.00", replyTo(MOBILE_REPLIES, mobile).getString("balance"),
                "posted again: the mobile channel's request, not the online one's");
        assertNull(receive(REPLIES, "JMSCorrelationID = '" + mobile + "'", 500), "answered on another channel's queue");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id = ?", "online:" + requestId));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id = ?", "mobile:" + requestId));
    }

    @Test
    void theAnswerGoesToTheChannelsOwnQueueWhateverReplyToSays() throws Exception {
        String account = openAccountWith("1.00");
        String correlationId = "corr-" + UUID.randomUUID();
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().setJMSCorrelationID(correlationId).setJMSReplyTo(Lookup.jndi(MOBILE_REPLIES))
                    .send(Lookup.<Queue>jndi(REQUESTS), inquiry(account));
        }
        assertEquals("OK", replyTo(correlationId).getString("status"));
        assertNull(receive(MOBILE_REPLIES, "JMSCorrelationID = '" + correlationId + "'", 500));
    }

    @Test
    void aRequestThatCameThroughNoChannelsQueueIsDeadLetteredUnanswered() throws Exception {
        String correlationId = "nochannel-" + UUID.randomUUID();
        send("java:/jms/queue/teller.channel.requests", correlationId, inquiry(openAccountWith("1.00")));

        Message dead = receive(DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 30_000);
        assertNotNull(dead, "a request of no channel was not dead-lettered");
        assertEquals("malformed: not sent to a channel's request queue", dead.getStringProperty("reason"));
    }

    @Test
    void aChannelsRequestIdIsItsOwnATellersSameKeyIsAnotherRequest() throws Exception {
        String payer = openAccountWith("500.00");
        String payee = openAccountWith("0.00");
        String requestId = "mb-" + UUID.randomUUID();
        String correlation = "corr-" + UUID.randomUUID();
        send(correlation, transfer(requestId, payer, payee, "100.00"));
        assertEquals("OK", replyTo(correlation).getString("status"));

        asUser.teller(() -> Lookup.ejb("teller-ejb", Transfers.class).transfer(payer, payee, "100.00", "CNY", requestId));

        assertEquals(new BigDecimal("300.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payer));
        assertEquals(new BigDecimal("200.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payee));
        assertEquals(2, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id IN (?, ?)", requestId,
                "online:" + requestId));
    }

    @Test
    void aChannelTransferBeyondTheBalanceIsRefusedWithACodeAndChangesNothing() throws Exception {
        String payer = openAccountWith("10.00");
        String payee = openAccountWith("0.00");
        String correlationId = "corr-" + UUID.randomUUID();
        send(correlationId, transfer("mb-" + UUID.randomUUID(), payer, payee, "10.01"));
        JsonObject reply = replyTo(correlationId);
        assertEquals("REFUSED", reply.getString("status"));
        assertEquals("INSUFFICIENT_FUNDS", reply.getString("code"));
        assertEquals(new BigDecimal("10.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", payer));
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", payee));
    }

    @Test
    void anInquiryForAnUnknownAccountGetsACodedRefusal() throws Exception {
        String correlationId = "corr-" + UUID.randomUUID();
        send(correlationId, inquiry(AccountNumber.generate("9998", "01", 5).value()));
        JsonObject reply = replyTo(correlationId);
        assertEquals("REFUSED", reply.getString("status"));
        assertEquals("ACCOUNT_NOT_FOUND", reply.getString("code"));
    }

    @Test
    void aMalformedMessageEndsOnTheDeadLetterQueueUnanswered() throws Exception {
        String correlationId = "poison-" + UUID.randomUUID();
        send(correlationId, "{\"version\": 1, \"type\": \"BALANCE_INQUIRY\", \"accountNumber\": ");

        Message dead = receive(DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 30_000);
        assertNotNull(dead, "the poison message did not reach the dead-letter queue");
        assertEquals("teller.channel.requests", dead.getStringProperty("originalQueue"));
        assertTrue(dead.getStringProperty("reason").startsWith("malformed: not a JSON object"), dead.getStringProperty("reason"));
        assertEquals(3, dead.getIntProperty("deliveries"), "dead-lettered after its redeliveries");
        assertNull(receive(REPLIES, "JMSCorrelationID = '" + correlationId + "'", 500), "a poison message was answered");
    }

    @Test
    void aChannelOpensAClassTwoAccountBoundToTheCustomersClassOneAndTheCounterSeesItWithItsLimits() throws Exception {
        String classOne = openAccountWith("20000.00");
        String residentId = Sql.string("SELECT c.id_number FROM customer c JOIN account a ON a.customer_id = c.id "
                + "WHERE a.account_number = ?", classOne);
        String requestId = "mb-" + UUID.randomUUID();
        String asked = "corr-" + UUID.randomUUID();
        send(asked, opening(requestId, "INDIVIDUAL_II", "渠道客户", residentId, classOne, null));
        JsonObject opened = replyTo(asked);
        assertEquals("OK", opened.getString("status"), opened.toString());
        String classTwo = opened.getString("accountNumber");
        assertEquals(List.of("INDIVIDUAL_II", "ACTIVE", "0000", classOne), List.of(opened.getString("accountType"),
                opened.getString("accountStatus"), opened.getString("branchCode"), opened.getString("boundAccountNumber")));
        String again = "corr-" + UUID.randomUUID();
        send(again, opening(requestId, "INDIVIDUAL_II", "渠道客户", residentId, classOne, null));
        assertEquals(classTwo, replyTo(again).getString("accountNumber"), "the same request: the same account, once");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM account WHERE bound_account = ?", classOne));

        // the counter sees it like any other account, bound to the class I, with the class II limits
        AccountView seen = asUser.teller(() -> Lookup.ejb("teller-ejb", AccountQueries.class).account(classTwo));
        assertEquals(List.of("INDIVIDUAL_II", classOne), List.of(seen.accountType(), seen.boundAccount()));
        Transfers transfers = Lookup.ejb("teller-ejb", Transfers.class);
        asUser.teller(() -> transfers.transfer(classOne, classTwo, "15000.00", "CNY", TestData.requestId("bound")));
        assertEquals(ErrorCode.CLASS_II_DAILY_LIMIT, assertThrows(TellerException.class, () -> asUser.teller(() ->
                Lookup.ejb("teller-ejb", CashDeposits.class).deposit(classTwo, "10000.01", "CNY",
                        TestData.requestId("dep")))).code(), "cash into a class II beyond its daily limit");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'ONLINE_ACCOUNT_OPENING' "
                + "AND subject = ?", classTwo));
    }

    @Test
    void aChannelOpensAClassThreeBoundElsewhereOnlyForTheApplicantsOwnAccountAndNeverAClassOne() throws Exception {
        String residentId = TestData.residentId();
        String elsewhere = "6222021234567" + (100 + ThreadLocalRandom.current().nextInt(800));
        String asked = "corr-" + UUID.randomUUID();
        send(asked, opening("mb-" + UUID.randomUUID(), "INDIVIDUAL_III", "他行客户", residentId, elsewhere, "102100099996"));
        JsonObject opened = replyTo(asked);
        assertEquals("OK", opened.getString("status"), opened.toString());
        assertEquals(List.of("INDIVIDUAL_III", elsewhere, "102100099996"), List.of(opened.getString("accountType"),
                opened.getString("boundAccountNumber"), opened.getString("boundBank")));
        assertEquals("他行客户", Sql.string("SELECT name FROM customer WHERE id_number = ?", residentId),
                "registered with the verification service's answer");

        for (String[] refused : List.of(
                new String[] {"INDIVIDUAL_I", elsewhere, "ACCOUNT_OPENING_AT_COUNTER"},
                new String[] {"CORPORATE_BASIC", elsewhere, "ACCOUNT_OPENING_AT_COUNTER"},
                new String[] {"INDIVIDUAL_II", "6222021234567000", "ACCOUNT_BINDING_INVALID"}, // someone else's
                new String[] {"INDIVIDUAL_II", "6222021234567999", "ACCOUNT_BINDING_INVALID"})) { // no such account
            String id = "corr-" + UUID.randomUUID();
            send(id, opening("mb-" + UUID.randomUUID(), refused[0], "他行客户", residentId, refused[1], "102100099996"));
            JsonObject reply = replyTo(id);
            assertEquals(List.of("REFUSED", refused[2]), List.of(reply.getString("status"), reply.getString("code")),
                    reply.toString());
        }
        // an account at this bank that is not the applicant's class I
        String someoneElses = openAccountWith("0.00");
        String id = "corr-" + UUID.randomUUID();
        send(id, opening("mb-" + UUID.randomUUID(), "INDIVIDUAL_II", "他行客户", residentId, someoneElses, null));
        assertEquals("ACCOUNT_BINDING_INVALID", replyTo(id).getString("code"));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM account a JOIN customer c ON c.id = a.customer_id "
                + "WHERE c.id_number = ?", residentId), "refusals open nothing");
    }

    @Test
    void aChannelPagesThroughAnAccountsPostingsAndReportsACardLost() throws Exception {
        String account = openAccountWith("10.00");
        for (int i = 1; i <= 3; i++) {
            String amount = i + ".00";
            asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                    .deposit(account, amount, "CNY", TestData.requestId("dep")));
        }
        String asked = "corr-" + UUID.randomUUID();
        send(asked, Json.createObjectBuilder().add("version", 1).add("type", "TRANSACTION_INQUIRY")
                .add("requestId", "mb-" + UUID.randomUUID()).add("accountNumber", account).add("page", 1)
                .add("pageSize", 2).build().toString());
        JsonObject page = replyTo(asked);
        assertEquals(List.of(4, 1, 2), List.of(page.getInt("total"), page.getInt("page"), page.getInt("pageSize")),
                page.toString());
        assertEquals(List.of("1.00", "10.00"), page.getJsonArray("transactions").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("amount")).toList(), "the second page, newest first");

        String card = asUser.teller(() -> Lookup.ejb("teller-ejb", Cards.class).issue(account,
                TestData.requestId("card"))).pan();
        String requestId = "mb-" + UUID.randomUUID();
        String body = Json.createObjectBuilder().add("version", 1).add("type", "CARD_LOSS_REPORT")
                .add("requestId", requestId).add("cardNumber", card).build().toString();
        String reported = "corr-" + UUID.randomUUID();
        send(reported, body);
        JsonObject lost = replyTo(reported);
        assertEquals(List.of("OK", "LOST", account), List.of(lost.getString("status"), lost.getString("cardStatus"),
                lost.getString("accountNumber")), lost.toString());
        assertTrue(!lost.getString("cardNumberMasked").contains(card.substring(6, 12)), "masked");
        String repeated = "corr-" + UUID.randomUUID();
        send(repeated, body);
        assertEquals("LOST", replyTo(repeated).getString("cardStatus"), "the same request again: its first answer");
        assertEquals("LOST", Sql.string("SELECT status FROM card WHERE pan = ?", card));
    }

    private static String opening(String requestId, String type, String name, String residentId, String bound,
                                  String bank) {
        var message = Json.createObjectBuilder().add("version", 1).add("type", "ACCOUNT_OPENING")
                .add("requestId", requestId).add("accountType", type).add("name", name).add("residentId", residentId)
                .add("phone", "13800138000").add("address", "上海市浦东新区世纪大道100号").add("occupation", "职员")
                .add("boundAccountNumber", bound);
        if (bank != null) {
            message.add("boundBank", bank);
        }
        return message.build().toString();
    }

    private String openAccountWith(String amount) throws Exception {
        String account = Counter.classOneAccount(asUser, "渠道客户");
        if (new BigDecimal(amount).signum() > 0) {
            asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                    .deposit(account, amount, "CNY", TestData.requestId("dep")));
        }
        return account;
    }

    private static String transfer(String requestId, String payer, String payee, String amount) {
        return Json.createObjectBuilder()
                .add("schema", "teller.channel.request")
                .add("version", 1)
                .add("type", "TRANSFER")
                .add("requestId", requestId)
                .add("payerAccountNumber", payer)
                .add("payeeAccountNumber", payee)
                .add("amount", amount)
                .add("currency", "CNY")
                .build().toString();
    }

    private static String inquiry(String account) {
        return Json.createObjectBuilder()
                .add("schema", "teller.channel.request")
                .add("version", 1)
                .add("type", "BALANCE_INQUIRY")
                .add("requestId", "mb-" + UUID.randomUUID())
                .add("accountNumber", account)
                .build().toString();
    }

    private static void send(String correlationId, String body) {
        send(REQUESTS, correlationId, body);
    }

    private static void send(String queueName, String correlationId, String body) {
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        Queue queue = Lookup.jndi(queueName);
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().setJMSCorrelationID(correlationId).send(queue, body);
        }
    }

    private static JsonObject replyTo(String correlationId) throws Exception {
        return replyTo(REPLIES, correlationId);
    }

    /** The answer with {@code correlationId} on the reply queue {@code queueName}, which must come. */
    private static JsonObject replyTo(String queueName, String correlationId) throws Exception {
        Message reply = receive(queueName, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(reply, "no reply with correlation id " + correlationId + " on " + queueName);
        return Json.createReader(new StringReader(reply.getBody(String.class))).readObject();
    }

    private static Message receive(String queueName, String selector, long timeoutMillis) {
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        Queue queue = Lookup.jndi(queueName);
        try (JMSContext jms = factory.createContext(); JMSConsumer consumer = jms.createConsumer(queue, selector)) {
            return consumer.receive(timeoutMillis);
        }
    }
}
