package bank.teller.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Teller's own metrics (issue 20), in WildFly's Micrometer registry, which serves them with the server's
 * (datasource pools, the broker's queues and dead-letter queues) in Prometheus' format on the management
 * interface's {@code /prometheus}. Counted as work happens: postings by type and channel once their
 * transaction commits, API calls by operation with their latency, admission refusals, sign-in refusals
 * and lockouts. Read from the database every few seconds by {@link MetricsRefresh} (a scrape never waits
 * for the database): the outboxes' backlogs, the open reconciliation breaks and the latest end of day's
 * step durations. Counts are this server's since it started (each node of a cluster its own; Prometheus
 * adds them up); the figures read from the database are the bank's.
 *
 * <p>WildFly 39 hands a deployment a registry that exports what its {@code counter}, {@code timer} and
 * {@code gauge} methods make but not what a meter's builder registers, and it drops a timer's histogram
 * settings; so the API's latency buckets are counters with Prometheus' {@code le} tag
 * ({@code teller_api_latency_total{le="0.25"}}: calls that took at most 250 ms, cumulative, as
 * {@code histogram_quantile} expects), and every meter is made once and kept here (the registry's
 * look-up walks all the server's meters).
 */
@ApplicationScoped
public class Metrics {

    public static final String POSTINGS = "teller.postings";
    public static final String API_CALLS = "teller.api.calls";
    public static final String API_LATENCY = "teller.api.latency";
    public static final String ADMISSION_REFUSALS = "teller.admission.refusals";
    public static final String SIGN_IN_REFUSALS = "teller.sign.in.refusals";
    public static final String LOCKOUTS = "teller.sign.in.lockouts";
    public static final String CORE_OUTBOX_WAITING = "teller.core.outbox.waiting";
    public static final String CORE_OUTBOX_PARKED = "teller.core.outbox.parked";
    public static final String CLEARING_OUTBOX_WAITING = "teller.clearing.outbox.waiting";
    public static final String RECONCILIATION_BREAKS = "teller.reconciliation.breaks";
    public static final String END_OF_DAY_STEP = "teller.end.of.day.step.seconds";
    /** The API calls' latency buckets, in seconds (Prometheus' {@code le}); the last is +Inf. */
    static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
            Double.POSITIVE_INFINITY};

    @Inject
    private MeterRegistry registry;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final Map<String, AtomicLong> figures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> stepMillis = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter[]> latencies = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> postings = new ConcurrentHashMap<>();
    private volatile Map<String, Long> latestSteps = Map.of();

    @PostConstruct
    void register() {
        for (String name : List.of(CORE_OUTBOX_WAITING, CORE_OUTBOX_PARKED, CLEARING_OUTBOX_WAITING, RECONCILIATION_BREAKS)) {
            registry.gauge(name, Tags.empty(), figures.computeIfAbsent(name, n -> new AtomicLong()), AtomicLong::get);
        }
        counter(ADMISSION_REFUSALS);
        counter(LOCKOUTS);
    }

    /** Counts a posting once its transaction commits (none if it rolls back), under the thread's channel ({@link Trace}). */
    public void posted(String type) {
        Counter counter = postings.computeIfAbsent(List.of(type, Trace.channel()), key -> registry.counter(POSTINGS,
                Tags.of("type", key.get(0), "channel", key.get(1))));
        if (transactions.getTransactionKey() == null) {
            counter.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }

    /** An API call's time, by the operation that served it and its answer's status class (2xx, 4xx, 5xx). */
    public void apiCall(String operation, int status, long nanos) {
        timers.computeIfAbsent(List.of(operation, status / 100 + "xx"), key -> registry.timer(API_CALLS,
                Tags.of("operation", key.get(0), "status", key.get(1)))).record(nanos, TimeUnit.NANOSECONDS);
        Counter[] buckets = latencies.computeIfAbsent(operation, this::latencyBuckets);
        double seconds = nanos / 1e9;
        for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
            if (seconds <= LATENCY_BUCKETS[i]) {
                buckets[i].increment();
            }
        }
    }

    private Counter[] latencyBuckets(String operation) {
        Counter[] buckets = new Counter[LATENCY_BUCKETS.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = counter(API_LATENCY, "operation", operation, "le", le(LATENCY_BUCKETS[i]));
        }
        return buckets;
    }

    static String le(double bound) {
        return Double.isInfinite(bound) ? "+Inf" : Double.toString(bound);
    }

    public void admissionRefused() {
        counter(ADMISSION_REFUSALS).increment();
    }

    /** A refused sign-in, by the verdict (never said to the user), and whether it locked the user out. */
    public void signInRefused(String verdict, boolean nowLocked) {
        counter(SIGN_IN_REFUSALS, "verdict", verdict).increment();
        if (nowLocked) {
            counter(LOCKOUTS).increment();
        }
    }

    /** A figure read from the database ({@link MetricsRefresh}). */
    void figure(String name, long value) {
        figures.get(name).set(value);
    }

    /** The latest end of day's steps and their durations (a step it has not run, or not yet: 0). */
    void endOfDaySteps(Map<String, Long> millisByStep) {
        millisByStep.forEach((step, millis) -> stepMillis.computeIfAbsent(step, s -> {
            AtomicLong held = new AtomicLong();
            registry.gauge(END_OF_DAY_STEP, Tags.of("step", s), held, h -> h.get() / 1000.0);
            return held;
        }).set(millis));
        stepMillis.forEach((step, held) -> {
            if (!millisByStep.containsKey(step)) {
                held.set(0);
            }
        });
        latestSteps = new LinkedHashMap<>(millisByStep);
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(List.of(name, String.join(",", tags)), key -> registry.counter(name, Tags.of(tags)));
    }

    /** What this server counted and read, as the supervisor's operations page shows it. */
    public record Snapshot(List<Posted> postings, long apiCalls, double apiMeanMillis, double apiP95Millis,
                           long admissionRefusals, long signInRefusals, long lockouts, Map<String, Long> figures,
                           Map<String, Long> endOfDayStepMillis) {
    }

    /** Postings of a type through a channel. */
    public record Posted(String type, String channel, long count) {
    }

    public Snapshot snapshot() {
        List<Posted> posted = postings.entrySet().stream().map(e -> new Posted(e.getKey().get(0), e.getKey().get(1),
                (long) e.getValue().count())).sorted(Comparator.comparing(Posted::type).thenComparing(Posted::channel)).toList();
        long signInRefusals = counters.entrySet().stream().filter(e -> SIGN_IN_REFUSALS.equals(e.getKey().get(0)))
                .mapToLong(e -> (long) e.getValue().count()).sum();
        long calls = 0;
        double millis = 0;
        for (Timer timer : timers.values()) {
            calls += timer.count();
            millis += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        double[] within = new double[LATENCY_BUCKETS.length];
        for (Counter[] buckets : latencies.values()) {
            for (int i = 0; i < within.length; i++) {
                within[i] += buckets[i].count();
            }
        }
        Map<String, Long> read = new TreeMap<>();
        figures.forEach((name, value) -> read.put(name, value.get()));
        return new Snapshot(posted, calls, calls == 0 ? 0 : millis / calls, boundHolding(within, calls, 0.95),
                (long) counter(ADMISSION_REFUSALS).count(), signInRefusals, (long) counter(LOCKOUTS).count(), read, latestSteps);
    }

    /** The upper bound (ms) of the first latency bucket holding the given share of the calls (infinite past the last). */
    static double boundHolding(double[] within, long calls, double share) {
        for (int i = 0; i < within.length; i++) {
            if (calls > 0 && within[i] >= share * calls) {
                return LATENCY_BUCKETS[i] * 1000;
            }
        }
        return 0;
    }
}
