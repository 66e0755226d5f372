package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Everything the application serves, asked for by someone who has not signed in: every operation of
 * the API (from its OpenAPI document) gets 401 with a problem body, every screen sends the browser
 * to the sign-in page, and nothing answers with data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnauthenticatedCrawlIT {


    @Deployment(testable = false)
    static WebArchive nothingExtra() {
        return InContainer.placeholder("crawl-it");
    }

    @Test
    void everyApiOperationAnswers401WithAProblemAndNoData() throws Exception {
        JsonObject openApi = Https.openApi();
        JsonObject paths = openApi.getJsonObject("paths");
        List<String> checked = new ArrayList<>();
        for (String path : paths.keySet()) {
            if (path.endsWith("/sessions") || path.endsWith("/sessions/current")) {
                continue; // signing in and out is open to anyone
            }
            String url = Https.BASE + path.replaceAll("\\{[^}]+}", "1");
            for (String method : paths.getJsonObject(path).keySet()) {
                HttpResponse<String> response = Https.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "application/json").header("Content-Type", "application/json")
                        .method(method.toUpperCase(), method.equalsIgnoreCase("get") || method.equalsIgnoreCase("delete")
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                        .build());
                String what = method.toUpperCase() + " " + url;
                assertEquals(401, response.statusCode(), what + ": " + response.body());
                assertEquals("UNAUTHENTICATED", Json.createReader(new StringReader(response.body())).readObject()
                        .getString("code"), what);
                checked.add(what);
            }
        }
        assertTrue(checked.size() > 30, "the crawl reached the API's operations: " + checked);
    }

    @Test
    void everyScreenSendsTheBrowserToTheSignInPage() throws Exception {
        List<Path> screens;
        try (Stream<Path> files = Files.list(Path.of("..", "teller-web", "src", "main", "webapp", "app"))) {
            screens = files.filter(f -> f.toString().endsWith(".xhtml")).toList();
        }
        assertFalse(screens.isEmpty());
        for (Path screen : screens) {
            String url = Https.BASE + "/app/" + screen.getFileName() + "?number=6222020000000001";
            HttpResponse<String> response = Https.get(url, null, null);
            assertEquals(302, response.statusCode(), url);
            assertTrue(response.headers().firstValue("Location").orElse("").contains("/login.xhtml"), url);
            assertFalse(response.body().contains("6222"), url);
        }
        HttpResponse<String> voucher = Https.get(Https.BASE + "/api/v1/vouchers/0001-20261127-001-000001/pdf", null, null);
        assertEquals(401, voucher.statusCode());
    }
}
