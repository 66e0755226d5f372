package bank.teller.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Teller's REST API as a load tool calls it: one signed-in session shared by many clients (the
 * server keeps one session per user, as a teller's screen is one session), each client with
 * connections of its own. When the session is gone (the server restarted, it timed out) the next
 * call signs in again and is sent once more.
 * Only loopback: the target's self-signed certificate is trusted blindly.
 */
public final class Api {

    /** Where a session comes from: given the cookie that stopped working, the cookie of a new session. */
    public interface Sessions {
        String renew(String stale) throws Exception;
    }

    /** An answer: status and body, the body's problem code when it has one. */
    public record Answer(int status, String body) {

        public JsonObject json() {
            return parsed().asJsonObject();
        }

        public JsonArray jsonArray() {
            return parsed().asJsonArray();
        }

        private JsonStructure parsed() {
            return Json.createReader(new StringReader(body)).read();
        }

        /** The problem body's {@code code}, or null. */
        public String code() {
            try {
                return status >= 400 ? json().getString("code", null) : null;
            } catch (RuntimeException notJson) {
                return null;
            }
        }
    }

    private final String base;
    private final Sessions sessions;
    private volatile String cookie;

    /** {@code base}: the API root, for example https://localhost:8443/teller/api/v1. */
    public Api(String base, Sessions sessions) {
        this.base = base;
        this.sessions = sessions;
    }

    public String base() {
        return base;
    }

    /** A client with connections of its own, kept open from call to call (HTTP/2 where the server offers it). */
    public static HttpClient client() {
        return client(HttpClient.Version.HTTP_2);
    }

    /** The same, speaking {@code version}. */
    public static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().version(version).sslContext(TRUST_LOOPBACK).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Answer post(HttpClient http, String path, String idempotencyKey, String json) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A POST of a CSV file (text/csv), idempotent by what the file says of itself (its reference). */
    public Answer postText(HttpClient http, String path, String csv) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    /** A PUT: a setting, idempotent by its nature (no key). */
    public Answer put(HttpClient http, String path, String json) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Answer get(HttpClient http, String path) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A screen of the same server in this session: {@code path} from the server's root ("/teller/app/home.xhtml"). */
    public Answer page(HttpClient http, String path) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(base).resolve(path)).GET());
    }

    private Answer send(HttpClient http, HttpRequest.Builder request) throws Exception {
        String used = session();
        Answer answer = exchange(http, request, used);
        if (answer.status() == 401) {
            answer = exchange(http, request, renew(used));
        }
        return answer;
    }

    private static Answer exchange(HttpClient http, HttpRequest.Builder request, String cookie) throws Exception {
        HttpResponse<String> response = http.send(request.copy().timeout(Duration.ofSeconds(30))
                .setHeader("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    private String session() throws Exception {
        String current = cookie;
        return current != null ? current : renew(null);
    }

    private synchronized String renew(String stale) throws Exception {
        if (cookie == null || cookie.equals(stale)) {
            cookie = sessions.renew(stale);
        }
        return cookie;
    }

    /**
     * Signs in through the API with the user's password and TOTP code. A code works once, so a new
     * sign-in within the same 30 s step waits for the next one, and a refused one is tried
     * again with the next step's code (another client of the same user may have used this one).
     */
    public static Sessions signingIn(String base, String user, String password, String totpSecret) {
        long[] lastStep = {0};
        return stale -> {
            synchronized (lastStep) {
                for (int attempt = 1; ; attempt++) {
                    long step;
                    while ((step = System.currentTimeMillis() / 30_000) <= lastStep[0]) {
                        Thread.sleep(1_000);
                    }
                    lastStep[0] = step;
                    String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"code\":\""
                            + totp(totpSecret, step) + "\"}";
                    HttpResponse<String> signedIn = client().send(HttpRequest.newBuilder(URI.create(base + "/sessions"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (signedIn.statusCode() == 200) {
                        return signedIn.headers().allValues("Set-Cookie").stream()
                                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie"));
                    }
                    // another client of the same user may have used this step's code: try the next one
                    if (attempt == 3) {
                        throw new IllegalStateException("cannot sign in as " + user + ": " + signedIn.statusCode() + " "
                                + signedIn.body());
                    }
                }
            }
        };
    }

    /** RFC 6238 with HMAC-SHA1 and 6 digits, as an authenticator app computes it. */
    static String totp(String base32Secret, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32Secret.toUpperCase().replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static final SSLContext TRUST_LOOPBACK = trustAll();

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

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
