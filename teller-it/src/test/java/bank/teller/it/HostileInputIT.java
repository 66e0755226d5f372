package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile text (script, HTML, SQL, overlong, odd Unicode) sent through the API is either refused
 * with a 4xx problem or stored and returned exactly as text: never executed, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String SQL = "'); DROP TABLE customer; --";
    private static final String HTML = "<img src=x onerror=alert(1)>";
    private static final String UNICODE = "张\u0301三 🏦 \u202Eevil";

    @Deployment
    static WebArchive deployment() {
        return InContainer.placeholder("hostile-input-it");
    }

    private static HttpResponse<String> post(String path, String key, String json) throws Exception {
        return Https.postJson(path, AsUser.TELLER, AsUser.TELLER_PASSWORD, key, json);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String quoted(String text) {
        return Json.createValue(text).toString();
    }

    @Test
    void scriptHtmlSqlAndUnicodeInCustomerFieldsAreKeptAsText() throws Exception {
        String residentId = TestData.residentId();
        String name = SCRIPT.substring(0, 20) + UNICODE;
        HttpResponse<String> verified = post("/api/v1/customers/verifications", null, "{\"idType\":\"RESIDENT_ID\","
                + "\"idNumber\":\"" + residentId + "\",\"name\":" + quoted(name) + "}");
        assertEquals(201, verified.statusCode(), verified.body());
        HttpResponse<String> registered = post("/api/v1/customers/individuals", TestData.requestId("hostile"),
                "{\"verificationId\":" + json(verified).getJsonNumber("id") + ",\"name\":" + quoted(name)
                        + ",\"residentId\":\"" + residentId + "\",\"phone\":\"13800138000\",\"address\":" + quoted(SQL)
                        + ",\"occupation\":" + quoted(HTML) + "}");
        assertEquals(201, registered.statusCode(), registered.body());
        JsonObject customer = json(Https.get("/api/v1/customers/" + json(registered).getJsonNumber("id"),
                AsUser.TELLER, AsUser.TELLER_PASSWORD));
        assertEquals(name, customer.getString("name"));
        assertEquals(SQL, customer.getString("address"));
        assertEquals(HTML, customer.getString("occupation"));
        assertEquals(200, Https.get("/api/v1/customers?q=" + residentId, AsUser.TELLER, AsUser.TELLER_PASSWORD)
                .statusCode(), "the customer table is still there");
    }

    @Test
    void overlongOrControlCharacterTextIsRefusedWithACodeNeverA500() throws Exception {
        String residentId = TestData.residentId();
        for (String body : new String[]{
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":"
                        + quoted("名".repeat(10_000)) + "}",
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":" + quoted("a\u0000b") + "}",
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":" + quoted(SQL) + ",\"name\":\"x\"}",
                "{\"idType\":" + quoted(SCRIPT) + ",\"idNumber\":\"" + residentId + "\",\"name\":\"x\"}",
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":12345,\"name\":[1,2]}"}) {
            HttpResponse<String> response = post("/api/v1/customers/verifications", null, body);
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                    response.statusCode() + " " + response.body());
            assertFalse(response.body().contains("Exception"), response.body());
        }
        HttpResponse<String> search = Https.get("/api/v1/customers?q=" + URLEncoder.encode(SQL, StandardCharsets.UTF_8),
                AsUser.TELLER, AsUser.TELLER_PASSWORD);
        assertEquals(200, search.statusCode(), "a search for SQL text is a search for that text");
        assertEquals(0, Json.createReader(new StringReader(search.body())).readArray().size());
    }
}
