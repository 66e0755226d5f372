package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.integration.DeadLetters;
import bank.teller.integration.DeadLetters.DeadLetterView;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flood of channel requests (1,000 here; {@code -Dflood.messages=10000} for the long run, see README):
 * transfers mostly, balance and transaction inquiries and online account openings among them, with 10% duplicates — half the same message again, half the same request id in a new
 * message — and 1% poison: every request is answered once per message and posted at most once, a
 * duplicate gets the first answer, the balances are exactly what the answered transfers make them,
 * and every poison message is on the dead-letter queue with its reason after its redeliveries,
 * unanswered and with no effect. An operator then resends one (it fails again and comes back) and
 * discards another, both audited.
 */
@ExtendWith(ArquillianExtension.class)
class ChannelFloodIT {

    private static final int ACCOUNTS = 20;
    private static final BigDecimal OPENING = new BigDecimal("5000.00");
    private static final List<String> POISON = List.of(
            "{\"version\": 1, \"type\": \"TRANSFER\", \"requestId\": ",
            "not json at all",
            "{\"version\": 2, \"type\": \"TRANSFER\", \"requestId\": \"x\"}",
            "{\"version\": 1, \"type\": \"TRANSFER\"}",
            "{\"version\": 1, \"type\": \"WIRE\", \"requestId\": \"x\"}",
            "[1, 2, 3]",
            "{\"version\": 1, \"type\": \"TRANSFER\", \"requestId\": \"" + "x".repeat(65) + "\"}",
            "{\"version\": \"1\", \"type\": \"BALANCE_INQUIRY\", \"requestId\": \"x\", \"accountNumber\": \"1\"}");

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("channel-flood-it", ChannelFloodIT.class);
    }

    @Inject
    AsUser asUser;

    /**
     * A request as sent: its correlation id, request id, type (null for poison) and body; a transfer's
     * payer, payee and amount; an opening's applicant (resident ID).
     */
    private record Sent(String correlationId, String requestId, String type, String body, String payer, String payee,
                        BigDecimal amount, String applicant) {

        Sent again(String correlationId) {
            return new Sent(correlationId, requestId, type, body, payer, payee, amount, applicant);
        }
    }

    @Test
    void aFloodWithDuplicatesAndPoisonIsPostedExactlyOnceAndThePoisonIsDeadLettered() throws Exception {
        int messages = Integer.getInteger("teller.it.flood-messages", 1_000);
        String run = "flood-" + Long.toString(System.nanoTime(), 36) + "-";
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = Counter.classOneAccount(asUser, "渠道洪峰" + i);
            asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class)
                    .deposit(account, OPENING.toPlainString(), "CNY", TestData.requestId("flood-open")));
            accounts.add(account);
        }

        Random random = new Random(messages);
        List<Sent> sent = new ArrayList<>();
        List<Sent> originals = new ArrayList<>();
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        try (JMSContext jms = factory.createContext()) {
            Queue requests = Lookup.jndi("java:/jms/queue/teller.channel.online.requests");
            for (int i = 0; i < messages; i++) {
                int kind = random.nextInt(100);
                Sent message;
                if (kind == 0) {
                    message = new Sent(run + "poison-" + i, null, null, POISON.get(i % POISON.size()), null, null, null,
                            null);
                } else if (kind <= 10 && !originals.isEmpty()) {
                    Sent original = originals.get(random.nextInt(originals.size()));
                    message = kind <= 5 ? original // the same message again
                            : original.again(run + i); // the same request in a new message
                } else if (kind <= 14) {
                    String account = accounts.get(random.nextInt(ACCOUNTS));
                    String type = kind <= 12 ? "BALANCE_INQUIRY" : "TRANSACTION_INQUIRY";
                    message = new Sent(run + i, run + "r" + i, type, inquiry(type, run + "r" + i, account), null, null,
                            null, null);
                    originals.add(message);
                } else if (kind <= 16) {
                    String residentId = TestData.residentId();
                    message = new Sent(run + i, run + "r" + i, "ACCOUNT_OPENING", opening(run + "r" + i, residentId),
                            null, null, null, residentId);
                    originals.add(message);
                } else {
                    int payer = random.nextInt(ACCOUNTS);
                    int payee = (payer + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(30_000), 2);
                    message = new Sent(run + i, run + "r" + i, "TRANSFER", transfer(run + "r" + i, accounts.get(payer),
                            accounts.get(payee), amount), accounts.get(payer), accounts.get(payee), amount, null);
                    originals.add(message);
                }
                JMSProducer producer = jms.createProducer().setJMSCorrelationID(message.correlationId());
                producer.send(requests, message.body());
                sent.add(message);
            }
        }

        Map<String, Integer> expected = new HashMap<>();
        sent.stream().filter(s -> s.type() != null).forEach(s -> expected.merge(s.correlationId(), 1, Integer::sum));
        int expectedReplies = expected.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, List<JsonObject>> replies = receiveReplies(run, expectedReplies);
        Map<String, Integer> answered = new HashMap<>();
        replies.forEach((correlation, list) -> answered.put(correlation, list.size()));
        assertEquals(expected, answered, "every message answered exactly once, no poison answered");

        // one answer per request id, whichever message carried it: the first one's
        Map<String, JsonObject> outcome = new LinkedHashMap<>();
        for (Sent message : sent) {
            if (message.type() == null) {
                continue;
            }
            for (JsonObject reply : replies.get(message.correlationId())) {
                assertEquals(message.type(), reply.getString("type"), reply.toString());
                JsonObject first = outcome.putIfAbsent(message.requestId(), reply);
                if (first != null) {
                    assertEquals(first.getString("status"), reply.getString("status"), reply.toString());
                    if ("OK".equals(first.getString("status")) && message.type().equals("TRANSFER")) {
                        assertEquals(first.getJsonNumber("entryId"), reply.getJsonNumber("entryId"), reply.toString());
                    }
                    if ("OK".equals(first.getString("status")) && message.type().equals("ACCOUNT_OPENING")) {
                        assertEquals(first.getString("accountNumber"), reply.getString("accountNumber"), reply.toString());
                    }
                }
            }
        }
        Map<String, BigDecimal> balances = new HashMap<>();
        accounts.forEach(a -> balances.put(a, OPENING));
        int posted = 0;
        int opened = 0;
        for (Sent original : originals) {
            JsonObject reply = outcome.get(original.requestId());
            if (original.type().endsWith("_INQUIRY")) {
                assertEquals("OK", reply.getString("status"), reply.toString());
                continue;
            }
            if (original.type().equals("ACCOUNT_OPENING")) {
                assertEquals("OK", reply.getString("status"), reply.toString());
                assertEquals(List.of(reply.getString("accountNumber")), Sql.strings("SELECT a.account_number FROM account a "
                        + "JOIN customer c ON c.id = a.customer_id WHERE c.id_number = ?", original.applicant()),
                        "one account per opening request, whatever came twice");
                opened++;
                continue;
            }
            long entries = Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_id = ?", "online:" + original.requestId());
            if ("OK".equals(reply.getString("status"))) {
                posted++;
                assertEquals(1, entries, "posted once: " + original);
                BigDecimal fee = new BigDecimal(reply.getString("fee"));
                balances.merge(original.payer(), original.amount().add(fee).negate(), BigDecimal::add);
                balances.merge(original.payee(), original.amount(), BigDecimal::add);
            } else {
                assertEquals(0, entries, "refused, not posted: " + reply);
            }
        }
        for (String account : accounts) {
            assertEquals(balances.get(account), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account),
                    "balance of " + account);
        }
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM (SELECT l.entry_id FROM journal_line l JOIN journal_entry e "
                + "ON e.id = l.entry_id WHERE e.request_id LIKE ? GROUP BY l.entry_id HAVING SUM(CASE WHEN l.side = "
                + "'CREDIT' THEN l.amount ELSE -l.amount END) <> 0) unbalanced", "online:" + run + "%"));

        DeadLetters deadLetters = Lookup.ejb("teller-ejb", DeadLetters.class);
        List<Sent> poison = sent.stream().filter(s -> s.type() == null).toList();
        Map<String, DeadLetterView> dead = new HashMap<>();
        for (DeadLetterView letter : asUser.supervisor(() -> deadLetters.list("teller.channel.requests"))) {
            if (letter.correlationId() != null && letter.correlationId().startsWith(run)) {
                dead.put(letter.correlationId(), letter);
            }
        }
        assertEquals(poison.stream().map(Sent::correlationId).sorted().toList(), dead.keySet().stream().sorted().toList(),
                "every poison message, and only those, dead-lettered");
        for (DeadLetterView letter : dead.values()) {
            assertTrue(letter.reason().startsWith("malformed: "), letter.toString());
            assertEquals(3, letter.deliveries(), letter.toString());
        }
        long transfers = originals.stream().filter(o -> o.type().equals("TRANSFER")).count();
        System.out.printf("channel flood: %d messages, %d transfers posted, %d refused, %d accounts opened, %d inquiries, "
                + "%d duplicates, %d poison%n", messages, posted, transfers - posted, opened,
                originals.size() - transfers - opened, sent.size() - originals.size() - poison.size(), poison.size());

        DeadLetterView resent = dead.get(poison.get(0).correlationId());
        asUser.supervisor(() -> deadLetters.resend("teller.channel.requests", resent.messageId(), "重发测试"));
        Message again = receive("java:/jms/queue/teller.channel.requests.DLQ",
                "JMSCorrelationID = '" + resent.correlationId() + "'", 30_000);
        assertNotNull(again, "the resent poison message came back to the dead-letter queue");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'DEAD_LETTER_RESENT' AND subject = ?",
                "dead-letter:teller.channel.requests/" + resent.messageId()));
        for (DeadLetterView letter : dead.values()) {
            if (letter != resent) {
                asUser.supervisor(() -> deadLetters.discard("teller.channel.requests", letter.messageId(), "测试毒消息 " + run));
            }
        }
        assertEquals(poison.size() - 1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'DEAD_LETTER_DISCARDED' "
                + "AND detail LIKE ?", "%" + run + "%"));
    }

    /** Replies whose correlation id starts with {@code run}, until {@code expected} came or none for a minute. */
    private static Map<String, List<JsonObject>> receiveReplies(String run, int expected) throws Exception {
        Map<String, List<JsonObject>> replies = new HashMap<>();
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        Queue queue = Lookup.jndi("java:/jms/queue/teller.channel.online.replies");
        int received = 0;
        try (JMSContext jms = factory.createContext();
             JMSConsumer consumer = jms.createConsumer(queue, "JMSCorrelationID LIKE '" + run + "%'")) {
            Message reply;
            while (received < expected && (reply = consumer.receive(60_000)) != null) {
                replies.computeIfAbsent(reply.getJMSCorrelationID(), c -> new ArrayList<>())
                        .add(Json.createReader(new StringReader(reply.getBody(String.class))).readObject());
                received++;
            }
            // anything more (a second answer to one message) arrives now or never
            while ((reply = consumer.receive(2_000)) != null) {
                replies.computeIfAbsent(reply.getJMSCorrelationID(), c -> new ArrayList<>())
                        .add(Json.createReader(new StringReader(reply.getBody(String.class))).readObject());
            }
        }
        return replies;
    }

    private static Message receive(String queueName, String selector, long timeoutMillis) {
        ConnectionFactory factory = Lookup.jndi("java:/ConnectionFactory");
        Queue queue = Lookup.jndi(queueName);
        try (JMSContext jms = factory.createContext(); JMSConsumer consumer = jms.createConsumer(queue, selector)) {
            return consumer.receive(timeoutMillis);
        }
    }

    private static String transfer(String requestId, String payer, String payee, BigDecimal amount) {
        return Json.createObjectBuilder()
                .add("schema", "teller.channel.request")
                .add("version", 1)
                .add("type", "TRANSFER")
                .add("requestId", requestId)
                .add("payerAccountNumber", payer)
                .add("payeeAccountNumber", payee)
                .add("amount", amount.toPlainString())
                .add("currency", "CNY")
                .build().toString();
    }

    private static String inquiry(String type, String requestId, String account) {
        return Json.createObjectBuilder().add("version", 1).add("type", type).add("requestId", requestId)
                .add("accountNumber", account).build().toString();
    }

    /** A class III account for a new applicant, bound to their account at another bank. */
    private static String opening(String requestId, String residentId) {
        return Json.createObjectBuilder().add("version", 1).add("type", "ACCOUNT_OPENING").add("requestId", requestId)
                .add("accountType", "INDIVIDUAL_III").add("name", "渠道开户").add("residentId", residentId)
                .add("phone", "13800138000").add("address", "杭州市西湖区文三路1号").add("occupation", "职员")
                .add("boundAccountNumber", "6228480012345678").add("boundBank", "103100000026").build().toString();
    }
}
