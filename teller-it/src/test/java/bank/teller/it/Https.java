package bank.teller.it;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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

    private static final HttpResponse.BodyHandler<String> TEXT = HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    private static final String SESSION_COOKIE = "JSESSIONID";
    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

    private Https() {
    }

    public static HttpResponse<String> get(String path, String user, String password) throws Exception {
        return exchange(user, password, cookie -> request(path, cookie).GET().build(), TEXT);
    }

    public static HttpResponse<String> postJson(String path, String user, String password, String idempotencyKey,
                                                String json) throws Exception {
        return exchange(user, password, cookie -> {
            HttpRequest.Builder builder = request(path, cookie)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (idempotencyKey != null) {
                builder.header("Idempotency-Key", idempotencyKey);
            }
            return builder.build();
        }, TEXT);
    }

    /** A PUT of {@code json} in {@code user}'s session (a setting: idempotent by its nature, no key). */
    public static HttpResponse<String> putJson(String path, String user, String password, String json)
            throws Exception {
        return exchange(user, password, cookie -> request(path, cookie).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), TEXT);
    }

    /** A GET of bytes (a PDF, a CSV) with the given Accept header. */
    public static HttpResponse<byte[]> getBytes(String path, String user, String password, String accept) throws Exception {
        return exchange(user, password, cookie -> request(path, cookie).setHeader("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET of bytes in the session of a browser (its session cookie's value). */
    public static HttpResponse<byte[]> getBytesInSession(String path, String sessionCookie, String accept)
            throws Exception {
        return CLIENT.send(request(path, sessionCookie).setHeader("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, TEXT);
    }

    /**
     * The API's OpenAPI document (JSON), as Teller serves it to anyone. Its paths start at the
     * application, {@code /api/...}: {@link #BASE} + path is an address.
     */
    public static jakarta.json.JsonObject openApi() throws Exception {
        HttpResponse<String> response = get("/api/openapi?format=JSON", null, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new java.io.StringReader(response.body())).readObject();
    }

    /** Signs in through the API with the user's next dynamic code; the answer (its cookie, if it succeeded). */
    public static HttpResponse<String> signIn(String user, String password, String code) throws Exception {
        String body = Json.createObjectBuilder().add("username", user).add("password", password).add("code", code)
                .build().toString();
        return send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/sessions"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** The session cookie an answer set, or null. */
    public static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> c.substring(SESSION_COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElse(null);
    }

    /**
     * Sends as {@code user}: in the session this client signed in for the user (one per user, as the
     * server allows), signing in first or again if the server has ended it (a browser signed the
     * same user in meanwhile). With a wrong password the request goes out without a session.
     */
    private static <T> HttpResponse<T> exchange(String user, String password, Function<String, HttpRequest> request,
                                                HttpResponse.BodyHandler<T> handler) throws Exception {
        if (user == null) {
            return CLIENT.send(request.apply(null), handler);
        }
        String key = user + ":" + password;
        String cookie = SESSIONS.get(key);
        if (cookie == null) {
            cookie = sessionFor(user, password, null);
        }
        HttpResponse<T> response = CLIENT.send(request.apply(cookie), handler);
        if (response.statusCode() == 401 && cookie != null) {
            response = CLIENT.send(request.apply(sessionFor(user, password, cookie)), handler);
        }
        return response;
    }

    /** The session cookie of this client's session for {@code user}, signing in if there is none. */
    public static String sessionOf(String user, String password) throws Exception {
        String cookie = SESSIONS.get(user + ":" + password);
        return cookie != null ? cookie : sessionFor(user, password, null);
    }

    /**
     * For load tools with clients of their own: the session cookie ({@code JSESSIONID=...}) of this
     * client's session for {@code user}, a new one when {@code stale} is the one in use.
     */
    public static String sessionCookieOf(String user, String password, String stale) throws Exception {
        String cookie = sessionFor(user, password, stale == null ? null : stale.substring(SESSION_COOKIE.length() + 1));
        return SESSION_COOKIE + "=" + cookie;
    }

    /** A request builder in the given session (cookie value), for tests that set their own headers. */
    public static HttpRequest.Builder inSession(String path, String sessionCookie) {
        return request(path, sessionCookie);
    }

    private static synchronized String sessionFor(String user, String password, String stale) throws Exception {
        String key = user + ":" + password;
        String cookie = SESSIONS.get(key);
        if (cookie != null && !cookie.equals(stale)) {
            return cookie; // another thread signed in meanwhile
        }
        SESSIONS.remove(key);
        cookie = sessionCookie(signIn(user, password, Tokens.nextCode(user)));
        // with the user's own password, a refusal is for the code: outside the server this client cannot
        // see that an in-container test took that time step first, so the next step's code goes
        for (int retry = 0; cookie == null && retry < 2 && Tokens.isOwnPassword(user, password); retry++) {
            cookie = sessionCookie(signIn(user, password, Tokens.nextCode(user)));
        }
        if (cookie != null) {
            SESSIONS.put(key, cookie);
        }
        return cookie;
    }

    private static HttpRequest.Builder request(String path, String sessionCookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (sessionCookie != null) {
            builder.header("Cookie", SESSION_COOKIE + "=" + sessionCookie);
        }
        return builder;
    }

    /**
     * A TLS handshake with the server offering only {@code protocol} and {@code suite} (null: the
     * client's defaults): the protocol and suite agreed, as "TLSv1.3 TLS_AES_256_GCM_SHA384".
     *
     * @throws javax.net.ssl.SSLException when the server takes neither
     */
    public static String handshake(String protocol, String suite) throws Exception {
        try (javax.net.ssl.SSLSocket socket = tlsSocket()) {
            socket.setSoTimeout(10_000);
            if (protocol != null) {
                socket.setEnabledProtocols(new String[]{protocol});
            }
            if (suite != null) {
                socket.setEnabledCipherSuites(new String[]{suite});
            }
            socket.startHandshake();
            return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
        }
    }

    /** A TLS socket to the server's HTTPS port (the handshake happens at the first read or write). */
    public static javax.net.ssl.SSLSocket tlsSocket() throws java.io.IOException {
        return (javax.net.ssl.SSLSocket) trustAll().getSocketFactory().createSocket("localhost", 8443);
    }

    /** An HTTP client builder trusting the test server's self-signed certificate (for other clients' use). */
    public static HttpClient.Builder trustingClient() {
        return HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(10));
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
