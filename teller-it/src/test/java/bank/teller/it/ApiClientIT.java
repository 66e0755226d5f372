package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.client.ApiClient;
import bank.teller.client.ApiException;
import bank.teller.client.api.DefaultApi;
import bank.teller.client.model.AccountView;
import bank.teller.client.model.CardRequest;
import bank.teller.client.model.Receipt;
import bank.teller.client.model.Request;
import bank.teller.client.model.WireReceipt;
import bank.teller.client.model.WireView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document is what another bank system builds its client from: the Java client the build
 * generates from it (openapi-generator, library native) signs in with API keys — a self-service
 * terminal's to take a cash deposit for a card, a channel's to ask the account and send a wire and
 * follow its progress — against the real server, as such a system would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiClientIT {

    private static final String PIN = "258036";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return InContainer.placeholder("api-client-it");
    }

    @Test
    void aGeneratedClientDepositsInquiresAndFollowsAWireWithItsApiKeys() throws Exception {
        // the bank's staff set it up: keys for a channel and a terminal, the terminal's box loaded, an account with a card
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10, 100));
        String channelKey = created(Https.postJson("/api/v1/api-clients", "admin1", "Admin1!Demo", null,
                "{\"system\":\"generated-client-" + suffix + "\",\"description\":\"a generated client\","
                        + "\"roles\":[\"CHANNEL\"]}")).getString("apiKey");
        JsonObject terminal = created(Https.postJson("/api/v1/terminals", "admin1", "Admin1!Demo", null,
                "{\"branchCode\":\"0001\",\"tillCode\":\"B" + suffix + "\",\"kind\":\"CDM\",\"description\":\"存款机\"}"));
        String terminalKey = terminal.getString("apiKey");
        String terminalId = terminal.getJsonObject("terminal").getString("terminalId");
        ok(Https.postJson("/api/v1/terminals/" + terminalId + "/cash/load", AsUser.SUPERVISOR, AsUser.SUPERVISOR_PASSWORD,
                TestData.requestId("load"), "{\"amount\":\"100.00\"}"));
        String account = openAccountWithCard();
        String pan = created(Https.postJson("/api/v1/accounts/" + account + "/cards", AsUser.TELLER,
                AsUser.TELLER_PASSWORD, TestData.requestId("card"), "{}")).getString("pan");
        ok(Https.postJson("/api/v1/cards/activations", AsUser.TELLER, AsUser.TELLER_PASSWORD, TestData.requestId("pin"),
                "{\"cardNumber\":\"" + pan + "\",\"pin\":\"" + PIN + "\"}"));

        // the terminal, with its key: a cash deposit for the card
        DefaultApi atTerminal = new DefaultApi(client(terminalKey));
        String depositKey = TestData.requestId("client");
        Receipt deposit = atTerminal.terminalDeposit(new CardRequest().cardNumber(pan).pin(PIN).amount("800.00"),
                depositKey);
        assertEquals(List.of("CASH_DEPOSIT", account, "800.00", "800.00"), List.of(deposit.getType(),
                deposit.getAccountNumber(), deposit.getAmount(), deposit.getBalanceAfter()));
        Receipt again = atTerminal.terminalDeposit(new CardRequest().cardNumber(pan).pin(PIN).amount("800.00"),
                depositKey);
        assertEquals(deposit.getEntryId(), again.getEntryId(), "the same key: the first answer, posted once");

        // the channel, with its key: the account, a wire, its progress
        DefaultApi channel = new DefaultApi(client(channelKey));
        AccountView view = channel.accountsAccount(account);
        assertEquals(List.of("800.00", "ACTIVE"), List.of(view.getBalance(), view.getStatus()));
        WireReceipt sent = channel.wiresSend(new Request().payerAccount(account).payeeName("赵六")
                .payeeAccount("6222020000000001").payeeBank("102100099996").amount("100.00").purpose("货款")
                .urgent(false), TestData.requestId("client-wire"));
        String reference = sent.getWire().getReference();
        WireView progress = channel.wiresWire(reference);
        assertEquals(reference, progress.getReference());
        assertTrue(List.of("SUBMITTED", "ACCEPTED", "SETTLED").contains(progress.getStatus()), progress.toString());
        Await.until(() -> "SETTLED".equals(channel.wiresWire(reference).getStatus()));
        assertEquals("SETTLED", channel.wiresWire(reference).getStatus(), "the clearing simulator settles it");

        // a refusal is an ApiException with the problem's code; no key, no answer
        ApiException refused = assertThrows(ApiException.class, () -> channel.accountsAccount("0001019999999999"));
        assertTrue(refused.getCode() >= 400 && refused.getCode() < 500 && refused.getResponseBody().contains("\"code\""),
                refused.getCode() + " " + refused.getResponseBody());
        assertEquals(401, assertThrows(ApiException.class, () -> new DefaultApi(client(null)).accountsAccount(account))
                .getCode());
    }

    /** A new verified customer's class I account, opened by teller1 over REST. */
    private static String openAccountWithCard() throws Exception {
        String residentId = TestData.residentId();
        long verification = ok(Https.postJson("/api/v1/customers/verifications", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                null, "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":\"接口客户\"}"))
                .getJsonNumber("id").longValue();
        long customer = created(Https.postJson("/api/v1/customers/individuals", AsUser.TELLER, AsUser.TELLER_PASSWORD,
                TestData.requestId("register"), "{\"verificationId\":" + verification + ",\"name\":\"接口客户\","
                        + "\"residentId\":\"" + residentId + "\",\"phone\":\"13800138000\",\"address\":\"北京市东城区1号\"}"))
                .getJsonNumber("id").longValue();
        return created(Https.postJson("/api/v1/accounts", AsUser.TELLER, AsUser.TELLER_PASSWORD, TestData.requestId("open"),
                "{\"customerId\":" + customer + ",\"accountType\":\"INDIVIDUAL_I\"}")).getString("accountNumber");
    }

    /** The generated client, at the test server, sending {@code apiKey} in X-Api-Key. */
    private static ApiClient client(String apiKey) {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(Https.trustingClient());
        client.updateBaseUri(Https.BASE);
        if (apiKey != null) {
            client.setRequestInterceptor(request -> request.header("X-Api-Key", apiKey));
        }
        return client;
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.statusCode() + " " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
