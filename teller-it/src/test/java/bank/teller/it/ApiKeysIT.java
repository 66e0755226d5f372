package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bank.teller.security.SignIn;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Other systems call the API with keys of their own: a key works for what its system is granted and
 * nothing else, is stored only as a hash, can be revoked, and its system user cannot sign in.
 */
@ExtendWith(ArquillianExtension.class)
class ApiKeysIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("api-keys-it", ApiKeysIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void aSystemCallsWithItsKeyExactlyWhatItIsGrantedUntilTheKeyIsRevoked() throws Exception {
        String admin = TestUsers.create("ADMIN");
        String system = "mobile-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> issued = Https.postJson("/api/v1/api-clients", admin, TestUsers.PASSWORD, null,
                "{\"system\":\"" + system + "\",\"description\":\"手机银行\",\"roles\":[\"CHANNEL\"]}");
        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject key = Json.createReader(new StringReader(issued.body())).readObject();
        String apiKey = key.getString("apiKey");
        String secret = apiKey.substring(apiKey.lastIndexOf('_') + 1);
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM api_client WHERE key_id = ? AND key_hash = ?",
                key.getString("keyId"), TestData.sha256(secret)), "only the secret's hash is stored");
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM api_client WHERE key_hash LIKE ?", "%" + secret + "%"));

        String account = Counter.classOneAccount(asUser, "渠道客户");
        assertEquals(200, withKey(apiKey, "/api/v1/accounts/" + account, null).statusCode(), "inquiry: granted");
        HttpResponse<String> cash = withKey(apiKey, "/api/v1/cash-deposits",
                "{\"accountNumber\":\"" + account + "\",\"amount\":\"10.00\",\"currency\":\"CNY\"}");
        assertEquals(403, cash.statusCode(), "cash at the counter: not granted to a channel; " + cash.body());
        String wrongKey = apiKey.substring(0, apiKey.length() - 1) + (apiKey.endsWith("0") ? "1" : "0");
        assertEquals(401, withKey(wrongKey, "/api/v1/accounts/" + account, null).statusCode(), "a wrong key");
        assertEquals(SignIn.Outcome.REFUSED, Lookup.ejb("teller-ejb", SignIn.class)
                .signIn(key.getString("username"), secret, null).outcome(), "a system user never signs in");

        HttpResponse<String> revoked = Https.postJson("/api/v1/api-clients/" + key.getString("keyId") + "/revocation",
                admin, TestUsers.PASSWORD, null, "");
        assertEquals(204, revoked.statusCode(), revoked.body());
        assertEquals(401, withKey(apiKey, "/api/v1/accounts/" + account, null).statusCode(), "revoked");
    }

    private static HttpResponse<String> withKey(String apiKey, String path, String json) throws Exception {
        HttpRequest.Builder request = Https.inSession(path, null).header("X-Api-Key", apiKey);
        if (json != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", TestData.requestId("key"))
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return Https.send(request.build());
    }
}
