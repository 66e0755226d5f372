package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.domain.AccountNumber;
import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Other bank systems on the broker, as they connect: over TLS (HTTP upgrade on 8443), each with an
 * account an administrator issued, allowed exactly its own queues. A channel sends requests and
 * reads its own replies and nothing else (not another channel's replies, not the core's queues); the
 * core reads postings and writes acknowledgements and nothing else; no one gets in without an
 * account, and a revoked account is shut out at once, its open connection closed.
 */
@ExtendWith(ArquillianExtension.class)
class JmsAccountsIT {

    /** How another system reaches the broker: TLS to the HTTPS port, upgraded to the broker's protocol. */
    private static final String BROKER = "tcp://localhost:8443?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor"
            + "&sslEnabled=true&trustAll=true&verifyHost=false";

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("jms-accounts-it", ", org.apache.activemq.artemis.client", JmsAccountsIT.class,
                Https.class, Tokens.class);
    }

    private record Account(String username, String password) {
    }

    @Test
    void aChannelSendsRequestsAndReadsItsOwnRepliesAndNothingElse() throws Exception {
        String admin = TestUsers.create("ADMIN");
        Account online = issue(admin, "online", "网上银行");
        Account mobile = issue(admin, "mobile", "手机银行");

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER);
             JMSContext jms = factory.createContext(online.username(), online.password())) {
            String correlationId = "acct-" + UUID.randomUUID();
            jms.createProducer().setJMSCorrelationID(correlationId).send(jms.createQueue("teller.channel.online.requests"),
                    "{\"schema\":\"teller.channel.request\",\"version\":1,\"type\":\"BALANCE_INQUIRY\","
                            + "\"requestId\":\"" + correlationId + "\",\"accountNumber\":\""
                            + AccountNumber.generate("9998", "01", 5).value() + "\"}");
            try (JMSConsumer replies = jms.createConsumer(jms.createQueue("teller.channel.online.replies"),
                    "JMSCorrelationID = '" + correlationId + "'")) {
                Message reply = replies.receive(30_000);
                assertNotNull(reply, "the channel's own answer, on its own queue");
                assertEquals("ACCOUNT_NOT_FOUND", Json.createReader(new StringReader(reply.getBody(String.class)))
                        .readObject().getString("code"));
            }

            assertRefused(() -> jms.createConsumer(jms.createQueue("teller.channel.mobile.replies")).close(),
                    "reading another channel's replies");
            assertRefused(() -> jms.createBrowser(jms.createQueue("teller.channel.mobile.replies")).getEnumeration(),
                    "browsing another channel's replies");
            assertRefused(() -> jms.createProducer().send(jms.createQueue("teller.channel.mobile.requests"), "{}"),
                    "sending as another channel");
            assertRefused(() -> jms.createProducer().send(jms.createQueue("teller.channel.requests"), "{}"),
                    "sending past the channel's own queue");
            assertRefused(() -> jms.createConsumer(jms.createQueue("teller.channel.requests")).close(),
                    "reading the channels' requests");
            assertRefused(() -> jms.createConsumer(jms.createQueue("teller.core.postings")).close(),
                    "reading the core's postings");
            assertRefused(() -> jms.createProducer().send(jms.createQueue("teller.core.acknowledgements"), "{}"),
                    "writing the core's acknowledgements");
            assertRefused(() -> jms.createConsumer(jms.createQueue("teller.channel.requests.DLQ")).close(),
                    "reading dead letters");
        }
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER);
             JMSContext jms = factory.createContext(mobile.username(), mobile.password())) {
            jms.createConsumer(jms.createQueue("teller.channel.mobile.replies"), "JMSCorrelationID = 'none'").close();
            assertRefused(() -> jms.createConsumer(jms.createQueue("teller.channel.online.replies")).close(),
                    "the mobile channel reading the online channel's replies");
        }
    }

    @Test
    void theCoreReadsPostingsAndWritesAcknowledgementsAndNothingElse() throws Exception {
        Account core = issue(TestUsers.create("ADMIN"), "core", "核心系统");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER);
             JMSContext jms = factory.createContext(core.username(), core.password())) {
            // a consumer that takes nothing: the right to read, without taking another test's posting
            jms.createConsumer(jms.createQueue("teller.core.postings"), "entryId = -1").close();
            jms.createProducer().setTimeToLive(1_000).send(jms.createQueue("teller.core.acknowledgements"), "{}");

            assertRefused(() -> jms.createProducer().send(jms.createQueue("teller.core.postings"), "{}"),
                    "writing postings as if Teller had made them");
            assertRefused(() -> jms.createProducer().send(jms.createQueue("teller.channel.online.requests"), "{}"),
                    "sending channel requests");
            assertRefused(() -> jms.createConsumer(jms.createQueue("teller.channel.online.replies")).close(),
                    "reading a channel's replies");
        }
    }

    @Test
    void noOneGetsInWithoutAnAccountAndARevokedAccountIsShutOutAtOnce() throws Exception {
        String admin = TestUsers.create("ADMIN");
        HttpResponse<String> unknown = Https.postJson("/api/v1/jms-accounts", admin, TestUsers.PASSWORD, null,
                "{\"system\":\"payroll\",\"description\":\"代发工资\"}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("JMS_SYSTEM_UNKNOWN"), unknown.body());

        Account online = issue(admin, "online", "网上银行");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM jms_account WHERE username = ? AND password_hash = ?",
                online.username(), TestData.sha256(online.password())), "only the password's hash is stored");
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER)) {
            assertRefused(() -> factory.createContext().close(), "no account");
            assertRefused(() -> factory.createContext(online.username(), online.password() + "0").close(), "a wrong password");
            assertRefused(() -> factory.createContext(AsUser.TELLER, AsUser.TELLER_PASSWORD).close(), "a teller's password");

            Connection open = factory.createConnection(online.username(), online.password());
            try {
                CountDownLatch closed = new CountDownLatch(1);
                open.setExceptionListener(e -> closed.countDown());
                open.start();
                HttpResponse<String> revoked = Https.postJson("/api/v1/jms-accounts/" + online.username() + "/revocation",
                        admin, TestUsers.PASSWORD, null, "");
                assertEquals(200, revoked.statusCode(), revoked.body());
                JsonObject view = Json.createReader(new StringReader(revoked.body())).readObject();
                assertFalse(view.getBoolean("enabled"));
                assertEquals(admin, view.getString("revokedBy"));
                assertTrue(closed.await(30, TimeUnit.SECONDS), "the revoked account's open connection was closed");
            } finally {
                try {
                    open.close();
                } catch (Exception alreadyClosed) {
                    // closed by the broker
                }
            }
            assertRefused(() -> factory.createContext(online.username(), online.password()).close(), "a revoked account");
        }
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'JMS_ACCOUNT_ISSUED' AND subject = ? "
                + "AND actor = ?", online.username(), admin));
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'JMS_ACCOUNT_REVOKED' AND subject = ? "
                + "AND actor = ?", online.username(), admin));
    }

    private static Account issue(String admin, String system, String description) throws Exception {
        HttpResponse<String> issued = Https.postJson("/api/v1/jms-accounts", admin, TestUsers.PASSWORD, null,
                "{\"system\":\"" + system + "\",\"description\":\"" + description + "\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject account = Json.createReader(new StringReader(issued.body())).readObject();
        assertEquals(system, account.getString("system"));
        assertTrue(account.getString("username").startsWith("jms-" + system + "-"), account.toString());
        return new Account(account.getString("username"), account.getString("password"));
    }

    /** Refused by the broker's security (not failed for another reason). */
    private static void assertRefused(Executable attempt, String what) {
        Throwable refused = assertThrows(Throwable.class, attempt, what + " was allowed");
        assertTrue(refused instanceof JMSSecurityRuntimeException || refused instanceof JMSSecurityException,
                what + ": " + refused);
    }
}
