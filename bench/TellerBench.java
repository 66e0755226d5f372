import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Load generator for Teller's REST API (run by bench/run, single-file: java TellerBench.java).
 * Opens ACCOUNTS accounts with an opening deposit, then for each client count runs that many
 * clients for SECONDS seconds, each posting cash deposits and transfers (half each) between random
 * accounts, and prints one line per client count:
 *   teller clients=C ops=N errors=E tps=X p50_ms=Y p99_ms=Z
 * The bench signs in once (user, password and the dynamic code of the demo user's TOTP secret) and
 * every client uses that session with a connection of its own: the server keeps one session per
 * user, and a teller's screen is one session too.
 * Only loopback: the target is https://localhost:8443 and its self-signed certificate is trusted blindly.
 */
public class TellerBench {

    static final String BASE = System.getProperty("base", "https://localhost:8443/teller/api/v1");
    static final String USER = System.getProperty("user", "teller1");
    static final String PASSWORD = System.getProperty("password", "Teller1!Demo");
    /** The user's TOTP secret (Base32): the demo teller's, printed in the README. */
    static final String TOTP_SECRET = System.getProperty("totp", "ORSWY3DFOIYSAZDFNVXSA5DPNNSW4LRO");
    /** The one session all clients share. */
    static final CookieManager SESSION = new CookieManager();
    static final Pattern ACCOUNT = Pattern.compile("\"accountNumber\":\"(\\d{16})\"");
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("accounts", 200);
        int seconds = Integer.getInteger("seconds", 30);
        int warmup = Integer.getInteger("warmup", 10);
        int[] clientCounts = Arrays.stream(System.getProperty("clients", "1,8,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        signIn();
        HttpClient http = client();

        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            HttpResponse<String> opened = post(http, "/accounts", "{\"customerId\":" + newCustomer(http)
                    + ",\"accountType\":\"INDIVIDUAL_I\"}");
            Matcher m = ACCOUNT.matcher(opened.body());
            if (opened.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("cannot open an account: " + opened.statusCode() + " " + opened.body());
            }
            numbers.add(m.group(1));
            post(http, "/cash-deposits", "{\"accountNumber\":\"" + m.group(1) + "\",\"amount\":\"40000.00\"}"); // under the 50,000 that needs approval
        }
        run(http, numbers, Math.max(1, clientCounts[clientCounts.length - 1]), warmup, false);
        for (int clients : clientCounts) {
            run(http, numbers, clients, seconds, true);
        }
    }

    static void run(HttpClient http, List<String> accounts, int clients, int seconds, boolean report) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                HttpClient session = client();
                long[] latencies = new long[1 << 16];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String a = accounts.get(random.nextInt(accounts.size()));
                    String b = accounts.get(random.nextInt(accounts.size()));
                    String amount = (1 + random.nextInt(100)) + "." + String.format("%02d", random.nextInt(100));
                    long start = System.nanoTime();
                    HttpResponse<String> response = random.nextBoolean() || a.equals(b)
                            ? post(session, "/cash-deposits", "{\"accountNumber\":\"" + a + "\",\"amount\":\"" + amount + "\"}")
                            : post(session, "/transfers", "{\"payerAccountNumber\":\"" + a + "\",\"payeeAccountNumber\":\""
                            + b + "\",\"amount\":\"" + amount + "\"}");
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (report) {
            System.out.printf("teller clients=%d ops=%d errors=%d tps=%.1f p50_ms=%.1f p99_ms=%.1f%n", clients,
                    merged.length, errors.get(), merged.length / (double) seconds,
                    percentile(merged, 0.50) / 1e6, percentile(merged, 0.99) / 1e6);
        }
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** A client with a connection of its own, in the bench's session. */
    static HttpClient client() throws Exception {
        return HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(SESSION).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the API with the current dynamic code; the session cookie lands in {@link #SESSION}. */
    static void signIn() throws Exception {
        String body = "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\",\"code\":\""
                + totp(TOTP_SECRET, System.currentTimeMillis() / 30_000) + "\"}";
        HttpResponse<String> session = client().send(HttpRequest.newBuilder(URI.create(BASE + "/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 200) {
            throw new IllegalStateException("cannot sign in as " + USER + " (a code works once: wait 30 s and retry): "
                    + session.statusCode() + " " + session.body());
        }
    }

    /** RFC 6238 with HMAC-SHA1 and 6 digits, as an authenticator app computes it. */
    static String totp(String base32Secret, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
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
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    static HttpResponse<String> post(HttpClient http, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Verifies (联网核查, the simulator) and registers a new individual; returns the customer id. */
    static String newCustomer(HttpClient http) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return newCustomer(http, residentId());
            } catch (IllegalStateException taken) {
                // a random ID number can be one drawn before (about 1 in 80,000 per customer): draw again
                if (attempt == 3 || !taken.getMessage().contains("CUSTOMER_ALREADY_EXISTS")) {
                    throw taken;
                }
            }
        }
    }

    static String newCustomer(HttpClient http, String residentId) throws Exception {
        HttpResponse<String> verified = post(http, "/customers/verifications",
                "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + residentId + "\",\"name\":\"压测客户\"}");
        Matcher check = ID.matcher(verified.body());
        if (verified.statusCode() != 201 || !check.find()) {
            throw new IllegalStateException("cannot verify a customer: " + verified.statusCode() + " " + verified.body());
        }
        HttpResponse<String> registered = post(http, "/customers/individuals", "{\"verificationId\":" + check.group(1)
                + ",\"name\":\"压测客户\",\"residentId\":\"" + residentId
                + "\",\"phone\":\"13800138000\",\"address\":\"北京市西城区金融大街1号\"}");
        Matcher customer = ID.matcher(registered.body());
        if (registered.statusCode() != 201 || !customer.find()) {
            throw new IllegalStateException("cannot register a customer: " + registered.statusCode() + " "
                    + registered.body());
        }
        return customer.group(1);
    }

    static String residentId() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "110105" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d",
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(999)); // 999: "not found" to the simulator
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static SSLContext trustAll() throws Exception {
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
    }
}
