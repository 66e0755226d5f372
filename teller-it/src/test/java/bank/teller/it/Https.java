package bank.teller.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An HTTPS client for the test server on localhost, whose certificate is self-signed on first
 * start. Trusting it blindly is acceptable only because the target is always loopback.
 */
public final class Https {

    public static final String BASE = "https://localhost:8443/teller";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .sslContext(trustAll())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Https() {
    }

    public static HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(request(path, user, password).GET().build());
    }

    public static HttpResponse<String> postJson(String path, String user, String password, String idempotencyKey,
                                                String json) throws Exception {
        HttpRequest.Builder builder = request(path, user, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder.build());
    }

    /** A GET of bytes (a PDF, a CSV) with the given Accept header. */
    public static HttpResponse<byte[]> getBytes(String path, String user, String password, String accept) throws Exception {
        return CLIENT.send(request(path, user, password).setHeader("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
