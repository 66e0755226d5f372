package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.platform.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack itself: EclipseLink is the JPA provider, Liquibase owns the schema, PostgreSQL holds it. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("platform-it", PlatformIT.class, Https.class, Tokens.class);
    }

    @Test
    void theEntityManagerIsEclipseLinks() {
        String provider = Lookup.ejb("teller-ejb", Database.class).persistenceProvider();
        assertTrue(provider.startsWith("org.eclipse.persistence."), provider);
    }

    @Test
    void theTestsRunOnPostgreSql() {
        assertEquals("PostgreSQL", Lookup.ejb("teller-ejb", Database.class).product());
    }

    @Test
    void theSchemaWasBuiltByLiquibaseChangesets() throws Exception {
        long applied = Sql.count("SELECT COUNT(*) FROM databasechangelog WHERE author = 'teller'");
        assertTrue(applied >= 5, "applied changesets: " + applied);
    }

    /**
     * A deliberate choice: health and metrics answer without credentials for a scraper on this
     * machine, because the management interface listens on loopback only; the management API
     * itself asks for credentials.
     */
    @Test
    void healthAndMetricsAnswerALocalScraperOnTheLoopbackManagementInterfaceAndNothingElseIsOpenThere() throws Exception {
        String address = System.getProperty("jboss.bind.address.management", "127.0.0.1");
        assertTrue(InetAddress.getByName(address).isLoopbackAddress(), "the management interface listens on " + address);
        HttpResponse<String> health = Https.get("http://127.0.0.1:9990/health", null, null);
        // 503 when one of Teller's checks is DOWN (an earlier test leaves an end of day failed: HealthIT); either
        // way it answers without credentials
        assertTrue(health.statusCode() == 200 || health.statusCode() == 503, health.statusCode() + " " + health.body());
        assertTrue(health.body().contains("\"server-state\""), health.body());
        HttpResponse<String> metrics = Https.get("http://127.0.0.1:9990/metrics", null, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format");
        assertEquals(401, Https.get("http://127.0.0.1:9990/management", null, null).statusCode());
    }

    @Test
    void httpsOffersTls13AndTls12WithForwardSecrecyAndAeadOnly() throws Exception {
        assertTrue(Https.handshake(null, null).startsWith("TLSv1.3 "), "TLS 1.3 is what a client gets");
        assertEquals("TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                Https.handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("TLSv1.2 TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                Https.handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));
        for (String weak : new String[]{"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"}) {
            assertThrows(SSLException.class, () -> Https.handshake("TLSv1.2", weak), weak + " is not offered");
        }
    }

    /**
     * Other bank systems reach the broker by HTTP upgrade over TLS on the HTTPS port; the plain
     * HTTP port no longer upgrades to the broker's protocol.
     */
    @Test
    void theBrokerIsReachedOverTlsOnlyNeverOnPlainHttp() throws Exception {
        try (Socket tls = Https.tlsSocket()) {
            assertEquals("HTTP/1.1 101 Switching Protocols", brokerUpgrade(tls));
        }
        try (Socket plain = new Socket("localhost", 8080)) {
            String answer = brokerUpgrade(plain);
            assertFalse(answer.contains(" 101 "), "plain HTTP upgrades to the broker: " + answer);
        }
    }

    /** The status line of the answer to an HTTP upgrade to the broker's protocol (ActiveMQ Artemis remoting). */
    private static String brokerUpgrade(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
                + "Upgrade: activemq-remoting\r\nSec-ActiveMQRemoting-Key: " + key + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @Test
    void theChartOfAccountsHasTheAccountsTheLedgerPostsTo() throws Exception {
        assertEquals(6, Sql.count("SELECT COUNT(*) FROM gl_account WHERE code IN ('1001', '1002', '2011', '6021', '1221', '2241')"));
    }
}
