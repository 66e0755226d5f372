package bank.teller.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for Teller's REST API (run by bench/run). Opens ACCOUNTS accounts with an opening
 * deposit and a company's basic account, then for each client count runs that many clients for
 * SECONDS seconds spread (cash deposits and transfers, half each, between random accounts; each
 * client is a teller of its own at a till of its own, as at a branch's counters) and then hot
 * (every deposit and every transfer credits the one corporate account, all through the demo
 * teller's one till and session), and prints one line per case and client count:
 *   teller case=spread clients=C tills=T ops=N errors=E busy=B busy_max_ms=M tps=X p50_ms=Y p99_ms=Z max_ms=W
 * (busy: turned away with SERVER_BUSY). Then, at DIAGNOSIS clients (default 16), the hot account
 * through every teller's till and the spread accounts through the one till, to tell whether the
 * account or the till holds the hot case back. Last, the overload case: OVERLOAD clients (default
 * 4 x the largest client count) spread over the tellers, then one client again, to show the server
 * recovers.
 */
public final class TellerBench {

    private TellerBench() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("accounts", 200);
        int seconds = Integer.getInteger("seconds", 30);
        int warmup = Integer.getInteger("warmup", 10);
        int[] clientCounts = Arrays.stream(System.getProperty("clients", "1,8,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Api api = Target.api();
        List<Api> tellers = Target.tellers(Arrays.stream(clientCounts).max().orElse(1));
        HttpClient http = Api.client();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            numbers.add(Fixtures.classOneAccount(api, http, "压测客户", "40000.00"));
        }
        String hot = Fixtures.corporateBasicAccount(api, http, "压测热点企业");
        List<Api> oneTill = List.of(api);
        run(tellers, numbers, null, "warm-up", tellers.size(), warmup, false);
        run(oneTill, numbers, hot, "warm-up", tellers.size(), warmup, false);
        // spread and hot one after the other at each client count: the server still gets faster for
        // minutes after the warm-up (the JIT), which would favour whichever case runs later
        for (int clients : clientCounts) {
            run(tellers, numbers, null, "spread", clients, seconds, true);
            run(oneTill, numbers, hot, "hot", clients, seconds, true);
        }
        // which of the two makes the hot case slower: the one account, or the one till?
        int diagnosis = Integer.getInteger("diagnosis", 16);
        if (diagnosis > 0) {
            run(tellers, numbers, hot, "hot-many-tills", diagnosis, seconds, true);
            run(oneTill, numbers, null, "spread-one-till", diagnosis, seconds, true);
        }
        // overload: far more clients than the server takes at once, then one client again
        int overload = Integer.getInteger("overload", 4 * tellers.size());
        if (overload > 0) {
            run(tellers, numbers, null, "overload", overload, seconds, true);
            run(tellers, numbers, null, "recovery", 1, Math.max(5, seconds / 2), true);
        }
    }

    /**
     * One case at one client count: client c posts as teller c (mod the tellers given); with
     * {@code hotAccount}, every posting credits that account.
     */
    static void run(List<Api> tellers, List<String> accounts, String hotAccount, String label, int clients,
                    int seconds, boolean report) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong busyMaxNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Api api = tellers.get(c % tellers.size());
            results.add(pool.submit(() -> {
                HttpClient http = Api.client();
                long[] latencies = new long[1 << 16];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String a = accounts.get(random.nextInt(accounts.size()));
                    String b = hotAccount != null ? hotAccount : accounts.get(random.nextInt(accounts.size()));
                    String amount = (1 + random.nextInt(100)) + "." + String.format("%02d", random.nextInt(100));
                    String key = "bench-" + UUID.randomUUID();
                    long start = System.nanoTime();
                    String credited = hotAccount != null ? hotAccount : a;
                    Api.Answer answer = random.nextBoolean() || a.equals(b)
                            ? api.post(http, "/cash-deposits", key, "{\"accountNumber\":\"" + credited + "\",\"amount\":\"" + amount + "\"}")
                            : api.post(http, "/transfers", key, "{\"payerAccountNumber\":\"" + a + "\",\"payeeAccountNumber\":\""
                            + b + "\",\"amount\":\"" + amount + "\"}");
                    long took = System.nanoTime() - start;
                    if ("SERVER_BUSY".equals(answer.code())) { // turned away at once: the overload answer
                        busy.incrementAndGet();
                        busyMaxNanos.accumulateAndGet(took, Math::max);
                        continue;
                    }
                    if (answer.status() != 201) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println(label + ": first error " + answer.status() + " " + answer.body());
                        }
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
            System.out.printf("teller case=%s clients=%d tills=%d ops=%d errors=%d busy=%d busy_max_ms=%.0f "
                            + "tps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", label, clients,
                    Math.min(clients, tellers.size()), merged.length, errors.get(), busy.get(),
                    busyMaxNanos.get() / 1e6, merged.length / (double) seconds,
                    percentile(merged, 0.50) / 1e6, percentile(merged, 0.99) / 1e6,
                    merged.length == 0 ? Double.NaN : merged[merged.length - 1] / 1e6);
        }
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
