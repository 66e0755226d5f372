package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Script, HTML and SQL in every text field of every request body of the API (the bodies built from
 * the OpenAPI document's schemas), sent by users allowed to call each operation: never a 500, and
 * every refusal is a problem with a code. (That such text is stored and shown verbatim, never run,
 * is HostileInputIT's and the browser tests'.)
 */
@ExtendWith(ArquillianExtension.class)
class HostileBodiesIT {

    private static final List<String> PAYLOADS = List.of("<script>alert('x')</script>",
            "'; DROP TABLE account; --", "<img src=x onerror=alert(1)>\u202e\u0000");

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("hostile-bodies-it", HostileBodiesIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void noRequestBodyFullOfHostileTextGetsA500() throws Exception {
        String account = Counter.classOneAccount(asUser, "恶意输入");
        JsonObject openApi = Https.openApi();
        JsonObject schemas = openApi.getJsonObject("components").getJsonObject("schemas");
        List<String> sessions = List.of(Https.sessionOf(TestUsers.create("BRANCH_MANAGER"), TestUsers.PASSWORD),
                Https.sessionOf(TestUsers.create("ADMIN"), TestUsers.PASSWORD));
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        JsonObject paths = openApi.getJsonObject("paths");
        for (String template : paths.keySet()) {
            for (Map.Entry<String, JsonValue> op : paths.getJsonObject(template).entrySet()) {
                JsonObject body = op.getValue().asJsonObject().getJsonObject("requestBody");
                if (body == null || template.endsWith("/sessions")) {
                    continue;
                }
                JsonObject jsonBody = body.getJsonObject("content").getJsonObject("application/json");
                if (jsonBody == null) {
                    continue; // a file as the body (a CSV list, a scanned receipt): read as rows or bytes, never as JSON
                }
                String ref = jsonBody.getJsonObject("schema").getString("$ref", "");
                JsonObject schema = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
                operations++;
                String path = TestData.path(template, account);
                for (String payload : PAYLOADS) {
                    String json = hostile(schema, payload).toString();
                    for (String session : sessions) {
                        HttpResponse<String> response = Https.send(Https.inSession(path, session)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", TestData.requestId("hostile"))
                                .method(op.getKey().toUpperCase(), HttpRequest.BodyPublishers.ofString(json,
                                        StandardCharsets.UTF_8)).build());
                        boolean problemWithCode = response.statusCode() < 400 || response.body().contains("\"code\"");
                        if (response.statusCode() >= 500 || !problemWithCode) {
                            wrong.add(op.getKey().toUpperCase() + " " + path + " " + json + " -> " + response.statusCode()
                                    + " " + response.body());
                        }
                        if (response.statusCode() != 403) {
                            break; // the first session allowed to call it has answered
                        }
                    }
                }
            }
        }
        assertTrue(operations > 25, "the operations with a body were found: " + operations);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** An instance of {@code schema} with {@code payload} in every text field. */
    private static JsonObjectBuilder hostile(JsonObject schema, String payload) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        JsonObject properties = schema == null ? null : schema.getJsonObject("properties");
        if (properties == null) {
            return object;
        }
        for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
            JsonObject type = property.getValue().asJsonObject();
            switch (type.getString("type", "string")) {
                case "integer", "number" -> object.add(property.getKey(), 0);
                case "boolean" -> object.add(property.getKey(), false);
                case "array" -> {
                    JsonArrayBuilder array = Json.createArrayBuilder().add(payload);
                    object.add(property.getKey(), array);
                }
                case "object" -> object.add(property.getKey(), Json.createObjectBuilder().add(payload, payload));
                default -> object.add(property.getKey(), payload);
            }
        }
        return object;
    }
}
