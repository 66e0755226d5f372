package bank.teller.bench;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for Teller's REST API (run by bench/run). Opens ACCOUNTS accounts with an opening
 * deposit and a company's basic account, then in ROUNDS rounds (default 3), for each client count,
 * runs that many clients for SECONDS seconds spread (cash deposits and transfers, half each, between
 * random accounts; each client is a teller of its own at a till of its own, as at a branch's
 * counters), then hot (every deposit and every transfer credits the one corporate account, marked
 * hot by the demo supervisor, the clients the same tellers at their own tills), then pgbench on the same PostgreSQL
 * ({@link #pgbench}), and prints one line per case, round and client count:
 *   teller case=spread round=R clients=C tills=T ops=N errors=E busy=B busy_max_ms=M tps=X p50_ms=Y p99_ms=Z max_ms=W stmts_per_op=S cpu_ms_per_op=P pg_cpu_ms_per_op=G client_cpu_ms_per_op=L machine_cpu_ms_per_op=T idle_pct=I
 * (cpu: WildFly's; pg: every PostgreSQL process's; client: this load generator's; machine: every
 * core's busy time, all processes and the kernel; idle: of the machine's CPU time over the case)
 * (busy: turned away with SERVER_BUSY; round=0 for the cases outside the rounds). Then, at DIAGNOSIS clients (default 16), the hot case
 * with a company account not marked hot (every credit locks its row) and with the marked one
 * through the demo teller's one till, to tell what marking gains and what one till costs, and the
 * spread case over HTTP/1.1 (every other case speaks HTTP/2, as the JDK's client does by default). Last, the overload case: OVERLOAD clients (default
 * 4 x the largest client count) spread over the tellers, then one client again, to show the server
 * recovers.
 */
public final class TellerBench {

    /** USER_HZ, the unit of /proc's CPU times: 100 on Linux. */
    private static final long CLOCK_TICKS = 100;

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
        Fixtures.markHot(Target.supervisor(), http, hot); // its credits pending, not queuing on its row
        String unmarked = Fixtures.corporateBasicAccount(api, http, "压测非热点企业");
        List<Api> oneTill = List.of(api);
        run(tellers, numbers, null, "warm-up", 0, tellers.size(), warmup, false);
        run(tellers, numbers, hot, "warm-up", 0, tellers.size(), warmup, false);
        untilTheJitIsQuiet(tellers, numbers, hot);
        // spread, hot and pgbench one after the other at each client count, in rounds: the machine's
        // speed drifts (other work, the JIT still warming), and what runs side by side in time is
        // what a ratio may compare; bench/run reports each ratio's median and range over the rounds
        int rounds = Integer.getInteger("rounds", 3);
        for (int round = 1; round <= rounds; round++) {
            for (int clients : clientCounts) {
                run(tellers, numbers, null, "spread", round, clients, seconds, true);
                run(tellers, numbers, hot, "hot", round, clients, seconds, true);
                pgbench(round, clients, seconds);
            }
        }
        // what marking the account hot gains, and what sending every posting through one till costs
        int diagnosis = Integer.getInteger("diagnosis", 16);
        if (diagnosis > 0) {
            run(tellers, numbers, unmarked, "hot-unmarked", 0, diagnosis, seconds, true);
            run(oneTill, numbers, hot, "hot-one-till", 0, diagnosis, seconds, true);
            run(tellers, numbers, null, "spread-http1.1", 0, diagnosis, seconds, true, HttpClient.Version.HTTP_1_1);
        }
        // overload: far more clients than the server takes at once, then one client again
        int overload = Integer.getInteger("overload", 4 * tellers.size());
        if (overload > 0) {
            run(tellers, numbers, null, "overload", 0, overload, seconds, true);
            run(tellers, numbers, null, "recovery", 0, 1, Math.max(5, seconds / 2), true);
        }
    }

    /**
     * More warm-up, in turns of spread and hot postings, until WildFly's JIT compilers spent less
     * than a twentieth of a turn compiling (at most ten turns): WildFly's compilers were seen busy
     * with one of the two cores for three minutes into the load (bench/NOTES.md), and a round run
     * then measures the JIT as much as the posting. Needs -Dserver.pid and the JDK's jstat.
     */
    static void untilTheJitIsQuiet(List<Api> tellers, List<String> accounts, String hot) throws Exception {
        String pid = System.getProperty("server.pid");
        int turn = 15;
        double before = compileSeconds(pid);
        for (int i = 0; i < 10 && !Double.isNaN(before); i++) {
            run(tellers, accounts, i % 2 == 0 ? null : hot, "warm-up", 0, tellers.size(), turn, false);
            double after = compileSeconds(pid);
            System.out.printf("warm-up turn=%d jit_seconds=%.1f of %d%n", i + 1, after - before, turn);
            if (after - before < turn / 20.0) {
                return;
            }
            before = after;
        }
    }

    /** The seconds WildFly's JIT has spent compiling so far ({@code jstat -compiler}), or NaN. */
    static double compileSeconds(String pid) {
        if (pid == null || pid.isBlank()) {
            return Double.NaN;
        }
        try {
            Process jstat = new ProcessBuilder("jstat", "-compiler", pid).redirectErrorStream(true).start();
            String[] lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                    .split("\\R");
            jstat.waitFor();
            return Double.parseDouble(lines[lines.length - 1].trim().split("\\s+")[3]); // Compiled Failed Invalid Time
        } catch (Exception unavailable) {
            return Double.NaN;
        }
    }

    /**
     * One case at one client count: client c posts as teller c (mod the tellers given); with
     * {@code hotAccount}, every posting credits that account.
     */
    static void run(List<Api> tellers, List<String> accounts, String hotAccount, String label, int round, int clients,
                    int seconds, boolean report) throws Exception {
        run(tellers, accounts, hotAccount, label, round, clients, seconds, report, HttpClient.Version.HTTP_2);
    }

    /** The same, the clients speaking HTTP {@code version} (each keeps its connection open from call to call). */
    static void run(List<Api> tellers, List<String> accounts, String hotAccount, String label, int round, int clients,
                    int seconds, boolean report, HttpClient.Version version) throws Exception {
        long statementsBefore = statements();
        long cpuBefore = serverCpuMillis();
        long pgBefore = postgresCpuMillis();
        long clientBefore = processCpuMillis("self");
        long[] machineBefore = machineCpuMillis();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong busyMaxNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Api api = tellers.get(c % tellers.size());
            results.add(pool.submit(() -> {
                HttpClient http = Api.client(version);
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
        long statementsAfter = statements();
        long cpuAfter = serverCpuMillis();
        long pgAfter = postgresCpuMillis();
        long clientAfter = processCpuMillis("self");
        long[] machineAfter = machineCpuMillis();
        if (report) {
            double ops = merged.length == 0 ? Double.NaN : merged.length;
            long machineBusy = machineAfter[0] - machineBefore[0];
            long machineAll = machineBusy + machineAfter[1] - machineBefore[1];
            System.out.printf("teller case=%s round=%d clients=%d tills=%d ops=%d errors=%d busy=%d busy_max_ms=%.0f "
                            + "tps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f stmts_per_op=%.1f cpu_ms_per_op=%.2f "
                            + "pg_cpu_ms_per_op=%.2f client_cpu_ms_per_op=%.2f machine_cpu_ms_per_op=%.2f idle_pct=%.0f%n",
                    label,
                    round, clients,
                    Math.min(clients, tellers.size()), merged.length, errors.get(), busy.get(),
                    busyMaxNanos.get() / 1e6, merged.length / (double) seconds,
                    percentile(merged, 0.50) / 1e6, percentile(merged, 0.99) / 1e6,
                    merged.length == 0 ? Double.NaN : merged[merged.length - 1] / 1e6,
                    statementsBefore < 0 || merged.length == 0 ? Double.NaN
                            : (statementsAfter - statementsBefore) / (double) merged.length,
                    cpuBefore < 0 || merged.length == 0 ? Double.NaN : (cpuAfter - cpuBefore) / (double) merged.length,
                    (pgAfter - pgBefore) / ops, (clientAfter - clientBefore) / ops, machineBusy / ops,
                    machineAll == 0 ? Double.NaN : 100.0 * (machineAll - machineBusy) / machineAll);
        }
    }

    /** The CPU time (user and system) process {@code pid} ("self": this one) has used so far, or 0. */
    static long processCpuMillis(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS; // utime, stime
        } catch (Exception gone) {
            return 0;
        }
    }

    /**
     * The CPU time every PostgreSQL process on this machine has used so far (the server and its
     * backends; the bench's database connections are kept open, so none ends during a case).
     */
    static long postgresCpuMillis() {
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("comm")).strip().startsWith("postgres");
                        } catch (Exception gone) {
                            return false;
                        }
                    })
                    .mapToLong(p -> processCpuMillis(p.getFileName().toString())).sum();
        } catch (Exception unavailable) {
            return 0;
        }
    }

    /** The machine's CPU time so far, every core: {busy, idle} (idle with I/O wait), from /proc/stat. */
    static long[] machineCpuMillis() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return new long[] {busy * 1000 / CLOCK_TICKS,
                    (Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) * 1000 / CLOCK_TICKS};
        } catch (Exception unavailable) {
            return new long[] {0, 0};
        }
    }

    /**
     * pgbench's TPC-B-like script on the same PostgreSQL for as long, at as many clients, printed as
     * "pgbench round=R clients=C tps=X latency_avg_ms=L": the command comes from -Dpgbench (the
     * program as the database's owner runs it, then its database last), none when it is not given.
     */
    static void pgbench(int round, int clients, int seconds) throws Exception {
        String command = System.getProperty("pgbench");
        if (command == null || command.isBlank()) {
            return;
        }
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        String database = words.remove(words.size() - 1);
        words.addAll(List.of("-c", String.valueOf(clients), "-j", String.valueOf(clients < 2 ? 1 : 2),
                "-T", String.valueOf(seconds), database));
        Process process = new ProcessBuilder(words).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        System.out.printf("pgbench round=%d clients=%d tps=%s latency_avg_ms=%s%n", round, clients,
                after(output, "tps = "), after(output, "latency average = "));
    }

    /** The number after {@code label} in pgbench's report, or NaN. */
    private static String after(String output, String label) {
        int at = output.indexOf(label);
        if (at < 0) {
            return "NaN";
        }
        String rest = output.substring(at + label.length());
        return rest.substring(0, rest.indexOf(' ') < 0 ? rest.length() : rest.indexOf(' ')).trim();
    }

    /**
     * The CPU time WildFly's process has used so far (user and system, from /proc; the server's pid
     * in -Dserver.pid), or -1 when it cannot tell: over a case, per posting made.
     */
    static long serverCpuMillis() {
        String pid = System.getProperty("server.pid");
        if (pid == null || pid.isBlank() || !Files.exists(Path.of("/proc", pid, "stat"))) {
            return -1;
        }
        return processCpuMillis(pid);
    }

    /**
     * The statements PostgreSQL has run in Teller's database so far (pg_stat_statements; transaction
     * control not counted), or -1 when it cannot tell: over a case, all of them — the postings', the
     * outbox relay's and the audit chainer's — per posting made.
     */
    static long statements() {
        Callable<Connection> database = Target.database();
        if (database == null) {
            return -1;
        }
        try (Connection connection = database.call(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COALESCE(SUM(s.calls), 0) FROM pg_stat_statements s "
                     + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database() "
                     + "AND upper(s.query) NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK') "
                     + "AND s.query NOT LIKE '%pg_stat_statements%'")) {
            row.next();
            return row.getLong(1);
        } catch (Exception unavailable) {
            return -1;
        }
    }

    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
