package bank.teller.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The bank workload, after Jepsen's: writers post random cash deposits, cash withdrawals,
 * transfers among N accounts and wires out to other banks through the REST API (the clearing
 * simulator answering them: settled, returned, rejected after settling, answered twice, never
 * answered) while readers read all the balances at once
 * ({@code GET /accounts/balances}, one snapshot). The checker then asks whether every read, and the
 * state after the last write, is explained by what the clients saw, and whether the books balance.
 * <p>
 * An operation whose answer never came (connection lost, server killed, a 5xx, a page that is not
 * Teller's) is sent again with the same Idempotency-Key until it gets a definite one: 201 (posted,
 * perhaps by an earlier try) or a problem with a code (refused: nothing posted). Until then it may
 * or may not have happened, and a read in that window may show it or not; once answered, it must
 * show exactly as answered. Per account and in total, each read must lie between the balances the
 * definitely posted operations give and those the undecided ones could add; a transfer moves no
 * total, so a half-applied one shows.
 */
public final class BankWorkload {

    /** How big and how long. */
    public record Settings(int accounts, int writers, int readers, Duration duration, long openingFen, long maxFen,
                           Duration settle) {

        public static Settings of(int accounts, int writers, int readers, Duration duration) {
            return new Settings(accounts, writers, readers, duration, 100_000, 30_000, Duration.ofMinutes(3));
        }
    }

    enum Kind { DEPOSIT, WITHDRAWAL, TRANSFER, WIRE }

    /** A wire's payee bank (one the clearing simulator knows). */
    static final String PAYEE_BANK = "102100099996";
    /**
     * The wires' payee accounts, by how the clearing simulator answers: by their last four digits,
     * settled, returned by the payee's bank (4040), rejected after settling (6666: a wrong answer
     * Teller must ignore), every answer twice (2222), never answered (9999).
     */
    static final List<String> PAYEES = List.of("6222000000000001", "6222000000004040", "6222000000006666",
            "6222000000002222", "6222000000009999");
    /** The fee a counter wire of up to 10,000.00 costs, in fen, assumed for one whose answer never came. */
    static final long WIRE_FEE_FEN = 500;

    /** One operation as its client saw it; {@code posted} stays null while undecided. */
    static final class Op {
        final Kind kind;
        final String key;
        final String from;
        final String to;
        final long fen;
        final long start;
        /** The first try's sending and the definite answer's arrival, in wall-clock milliseconds (the restore's checker). */
        final long sentAt = System.currentTimeMillis();
        volatile long answeredAt = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;
        volatile Boolean posted;
        volatile String refusal;
        volatile int attempts;
        /** A wire's fee, as answered (or assumed while undecided). */
        volatile long feeFen;
        /** What a wire's payer gets back (rejected or returned), as its state is at the check: at an unknown time. */
        volatile long refundFen;

        Op(Kind kind, String key, String from, String to, long fen) {
            this.kind = kind;
            this.key = key;
            this.from = from;
            this.to = to;
            this.fen = fen;
            this.start = System.nanoTime();
        }

        /** What it does to {@code account}'s balance when posted, in fen (a wire: its amount and fee). */
        long effectOn(String account) {
            return (account.equals(to) ? fen : 0) - (account.equals(from) ? fen + feeFen : 0);
        }

        /** What it does to the sum of all the accounts when posted. */
        long effectOnTotal() {
            return switch (kind) {
                case DEPOSIT -> fen;
                case WITHDRAWAL -> -fen;
                case TRANSFER -> 0;
                case WIRE -> -(fen + feeFen);
            };
        }
    }

    /** One read of all the balances, between {@code start} and {@code end} (nanoTime). */
    record Read(long start, long end, Map<String, Long> balances) {
    }

    /** What the checker found. */
    public record Report(int operations, int posted, Map<String, Integer> refusals, int retried, int unresolved,
                         int reads, int failedReads, List<String> violations, Duration took) {

        public boolean ok() {
            return violations.isEmpty();
        }

        public String text() {
            StringBuilder text = new StringBuilder()
                    .append("operations=").append(operations).append(" posted=").append(posted)
                    .append(" refused=").append(refusals.values().stream().mapToInt(Integer::intValue).sum())
                    .append(" ").append(refusals)
                    .append(" retried=").append(retried).append(" unresolved=").append(unresolved)
                    .append(" reads=").append(reads).append(" failed_reads=").append(failedReads)
                    .append(" violations=").append(violations.size())
                    .append(" seconds=").append(took.toSeconds()).append('\n');
            violations.stream().limit(20).forEach(v -> text.append("  VIOLATION ").append(v).append('\n'));
            if (violations.size() > 20) {
                text.append("  ... and ").append(violations.size() - 20).append(" more\n");
            }
            return text.toString();
        }
    }

    private final Api api;
    private final Settings settings;
    private final List<String> accounts;
    private final Map<String, Long> opening;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();
    private final List<Op> operations = Collections.synchronizedList(new ArrayList<>());
    private final List<Read> reads = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failedReads = new AtomicInteger();
    private Duration took = Duration.ZERO;

    private BankWorkload(Api api, Settings settings, List<String> accounts, Map<String, Long> opening) {
        this.api = api;
        this.settings = settings;
        this.accounts = accounts;
        this.opening = opening;
    }

    /**
     * Opens the accounts, each with its opening deposit, and reads their balances. With a {@code
     * supervisor}, the last account is marked hot (热点账户): its credits are pending credits, folded
     * into its balance later, and every read and the checker must still see them exactly once.
     */
    public static BankWorkload setUp(Api api, Settings settings, Api supervisor) throws Exception {
        HttpClient http = Api.client();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < settings.accounts(); i++) {
            accounts.add(Fixtures.classOneAccount(api, http, "银行负载" + i,
                    BigDecimal.valueOf(settings.openingFen(), 2).toPlainString()));
        }
        if (supervisor != null) {
            Fixtures.markHot(supervisor, http, accounts.get(accounts.size() - 1));
        }
        return new BankWorkload(api, settings, accounts, readBalances(api, http, accounts));
    }

    public List<String> accounts() {
        return List.copyOf(accounts);
    }

    /** The request ids of this run's operations start with this. */
    public String keyPrefix() {
        return "bank-" + run + "-";
    }

    /**
     * Runs the writers and readers for the settings' duration; operations undecided at the end are
     * sent again for up to the settle time, then the balances are read once more.
     */
    public void run() throws Exception {
        long began = System.nanoTime();
        long deadline = began + settings.duration().toNanos();
        long giveUp = deadline + settings.settle().toNanos();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(settings.writers() + settings.readers());
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < settings.writers(); i++) {
                writers.add(pool.submit(() -> write(deadline, giveUp)));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < settings.readers(); i++) {
                readers.add(pool.submit(() -> read(writing)));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdownNow();
        }
        readOnceMore();
        took = Duration.ofNanos(System.nanoTime() - began);
    }

    /**
     * Checks every read, the last one after every operation was answered included. With {@code
     * database}, also the journal: every posted operation's entry exactly once, none for a refused
     * one, every entry balanced, every account equal to its journal lines and every GL control
     * account to its accounts; and every posted entry sent on to the core system (out of the outbox).
     */
    public Report check(Callable<Connection> database) throws Exception {
        List<String> violations = new ArrayList<>();
        List<Op> ops = List.copyOf(operations);
        List<Read> all = List.copyOf(reads);
        if (database == null) { // a wire's money may have come back, whatever became of it
            ops.stream().filter(op -> op.kind == Kind.WIRE).forEach(op -> op.refundFen = op.fen + op.feeFen);
        } else {
            try (Connection connection = database.call()) {
                readWireRefunds(connection, ops);
            }
        }
        for (Read read : all) {
            check(read, ops, violations);
        }
        if (database != null) {
            try (Connection connection = database.call()) {
                checkJournal(connection, ops, violations);
                checkWires(connection, violations);
            }
        }
        Map<String, Integer> refusals = new TreeMap<>();
        ops.stream().filter(op -> Boolean.FALSE.equals(op.posted)).forEach(op -> refusals.merge(op.refusal, 1, Integer::sum));
        return new Report(ops.size(), (int) ops.stream().filter(op -> Boolean.TRUE.equals(op.posted)).count(), refusals,
                (int) ops.stream().filter(op -> op.attempts > 1).count(),
                (int) ops.stream().filter(op -> op.posted == null).count(), all.size(), failedReads.get(), violations,
                took);
    }

    /**
     * bench/proof: runs the workload against the server {@link Target} names and prints the report;
     * {@code -Dplant=fen} is the negative control: after the run, that many fen are added directly
     * in the database to the first account's balance, which the checker must find.
     * Exit status 0 when the checker found what it should (nothing, or the planted damage), else 1.
     */
    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(Integer.getInteger("accounts", 50), Integer.getInteger("writers", 16),
                Integer.getInteger("readers", 4), Duration.ofSeconds(Integer.getInteger("seconds", 60)));
        BankWorkload workload = setUp(Target.api(), settings,
                Boolean.parseBoolean(System.getProperty("hot", "true")) ? Target.supervisor() : null);
        System.out.println("bank workload " + workload.keyPrefix() + ": " + settings);
        workload.run();
        long plant = Long.getLong("plant", 0);
        if (plant != 0) {
            try (Connection db = Target.database().call();
                 PreparedStatement ps = db.prepareStatement("UPDATE account SET balance = balance + ? WHERE account_number = ?")) {
                ps.setBigDecimal(1, BigDecimal.valueOf(plant, 2));
                ps.setString(2, workload.accounts().get(0));
                ps.executeUpdate();
            }
            workload.readOnceMore();
        }
        Report report = workload.check(Target.database());
        System.out.print(report.text());
        String opsFile = System.getProperty("ops.file");
        if (opsFile != null) {
            workload.writeOperations(Path.of(opsFile));
        }
        System.exit(report.ok() == (plant == 0) ? 0 : 1);
    }

    /**
     * Writes each operation as its client saw it, one line each: {@code key,sentAt,answeredAt,posted}
     * (milliseconds; answeredAt empty and posted "null" while undecided): what ops/rehearse's
     * {@link RestoreCheck} holds a restored database against.
     */
    void writeOperations(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Op op : List.copyOf(operations)) {
            lines.add(op.key + "," + op.sentAt + "," + (op.answeredAt == Long.MAX_VALUE ? "" : op.answeredAt) + ","
                    + op.posted);
        }
        Files.write(file, lines);
    }

    private Void write(long deadline, long giveUp) throws Exception {
        HttpClient http = Api.client();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            String a = accounts.get(random.nextInt(accounts.size()));
            String b = accounts.get(random.nextInt(accounts.size()));
            long fen = 1 + random.nextLong(settings.maxFen());
            // one operation in ten a wire, the rest deposits, withdrawals and transfers alike
            Kind kind = random.nextInt(10) == 0 ? Kind.WIRE : a.equals(b) ? Kind.DEPOSIT : Kind.values()[random.nextInt(3)];
            Op op = switch (kind) {
                case DEPOSIT -> new Op(kind, key(), null, a, fen);
                case WITHDRAWAL -> new Op(kind, key(), a, null, fen);
                case TRANSFER -> new Op(kind, key(), a, b, fen);
                case WIRE -> new Op(kind, key(), a, PAYEES.get(random.nextInt(PAYEES.size())), fen);
            };
            if (kind == Kind.WIRE) {
                op.feeFen = WIRE_FEE_FEN;
            }
            operations.add(op);
            settle(http, op, giveUp);
        }
        return null;
    }

    private String key() {
        return keyPrefix() + sequence.incrementAndGet();
    }

    /** Sends the operation until a definite answer, or until {@code giveUp} (it stays undecided). */
    private void settle(HttpClient http, Op op, long giveUp) throws InterruptedException {
        String amount = BigDecimal.valueOf(op.fen, 2).toPlainString();
        String path = switch (op.kind) {
            case DEPOSIT -> "/cash-deposits";
            case WITHDRAWAL -> "/cash-withdrawals";
            case TRANSFER -> "/transfers";
            case WIRE -> "/wires";
        };
        String body = switch (op.kind) {
            case TRANSFER -> "{\"payerAccountNumber\":\"" + op.from + "\",\"payeeAccountNumber\":\"" + op.to
                    + "\",\"amount\":\"" + amount + "\"}";
            case WIRE -> "{\"payerAccount\":\"" + op.from + "\",\"payeeName\":\"负载收款人\",\"payeeAccount\":\"" + op.to
                    + "\",\"payeeBank\":\"" + PAYEE_BANK + "\",\"amount\":\"" + amount + "\",\"purpose\":\"货款\",\"urgent\":false}";
            default -> "{\"accountNumber\":\"" + (op.kind == Kind.DEPOSIT ? op.to : op.from) + "\",\"amount\":\"" + amount + "\"}";
        };
        while (System.nanoTime() < giveUp) {
            op.attempts++;
            try {
                Api.Answer answer = api.post(http, path, op.key, body);
                String code = answer.code();
                if (answer.status() == 201) {
                    if (op.kind == Kind.WIRE) { // its receipt and the wire
                        op.feeFen = new BigDecimal(answer.json().getJsonObject("wire").getString("fee"))
                                .movePointRight(2).longValueExact();
                    }
                    op.end = System.nanoTime();
                    op.answeredAt = System.currentTimeMillis();
                    op.posted = true;
                    return;
                }
                if (answer.status() < 500 && code != null && !"REQUEST_IN_PROGRESS".equals(code)) {
                    op.end = System.nanoTime();
                    op.answeredAt = System.currentTimeMillis();
                    op.refusal = code;
                    op.posted = false;
                    return;
                }
            } catch (Exception unanswered) {
                // connection refused or reset, a timeout: the server may or may not have posted it
            }
            Thread.sleep(500);
        }
    }

    private Void read(AtomicBoolean writing) throws Exception {
        HttpClient http = Api.client();
        while (writing.get()) {
            try {
                long start = System.nanoTime();
                Map<String, Long> balances = readBalances(api, http, accounts);
                reads.add(new Read(start, System.nanoTime(), balances));
            } catch (Exception unanswered) {
                failedReads.incrementAndGet();
                Thread.sleep(200);
            }
        }
        return null;
    }

    /** Reads the balances once more (waiting up to the settle time for the server), for the checker. */
    public void readOnceMore() throws Exception {
        long giveUp = System.nanoTime() + settings.settle().toNanos();
        HttpClient http = Api.client();
        while (true) {
            try {
                long start = System.nanoTime();
                reads.add(new Read(start, System.nanoTime(), readBalances(api, http, accounts)));
                return;
            } catch (Exception unanswered) {
                if (System.nanoTime() > giveUp) {
                    throw unanswered;
                }
                Thread.sleep(1_000);
            }
        }
    }

    static Map<String, Long> readBalances(Api api, HttpClient http, List<String> accounts) throws Exception {
        Api.Answer answer = api.get(http, "/accounts/balances?numbers=" + String.join(",", accounts));
        if (answer.status() != 200) {
            throw new IllegalStateException("balances: " + answer.status() + " " + answer.body());
        }
        Map<String, Long> balances = new LinkedHashMap<>();
        for (JsonValue value : answer.jsonArray()) {
            JsonObject balance = value.asJsonObject();
            balances.put(balance.getString("accountNumber"),
                    new BigDecimal(balance.getString("balance")).movePointRight(2).longValueExact());
        }
        return balances;
    }

    /** The read lies within what the operations allow, per account and in total, and no balance is negative. */
    void check(Read read, List<Op> ops, List<String> violations) {
        Map<String, long[]> bounds = new HashMap<>();
        opening.forEach((account, fen) -> bounds.put(account, new long[]{fen, fen}));
        long openingTotal = opening.values().stream().mapToLong(Long::longValue).sum();
        long[] total = {openingTotal, openingTotal};
        for (Op op : ops) {
            Boolean posted = op.posted;
            if (Boolean.FALSE.equals(posted) || op.start > read.end()) {
                continue;
            }
            boolean definite = Boolean.TRUE.equals(posted) && op.end < read.start();
            for (String account : new String[]{op.from, op.to}) {
                if (account != null && bounds.containsKey(account)) {
                    widen(bounds.get(account), op.effectOn(account), definite);
                }
            }
            widen(total, op.effectOnTotal(), definite);
            if (op.refundFen > 0) { // a wire's money back, at a time no client saw
                widen(bounds.get(op.from), op.refundFen, false);
                widen(total, op.refundFen, false);
            }
        }
        long sum = 0;
        for (String account : accounts) {
            Long balance = read.balances().get(account);
            long[] range = bounds.get(account);
            if (balance == null) {
                violations.add("read at " + read.start() + ": account " + account + " missing");
                continue;
            }
            sum += balance;
            if (balance < range[0] || balance > range[1]) {
                violations.add("read at " + read.start() + ": account " + account + " has " + yuan(balance)
                        + ", expected " + (range[0] == range[1] ? yuan(range[0]) : yuan(range[0]) + " to " + yuan(range[1])));
            }
            if (balance < 0) {
                violations.add("read at " + read.start() + ": account " + account + " is negative: " + yuan(balance));
            }
        }
        if (sum < total[0] || sum > total[1]) {
            violations.add("read at " + read.start() + ": total " + yuan(sum) + ", expected "
                    + (total[0] == total[1] ? yuan(total[0]) : yuan(total[0]) + " to " + yuan(total[1])));
        }
    }

    private static void widen(long[] range, long effect, boolean definite) {
        if (definite) {
            range[0] += effect;
            range[1] += effect;
        } else if (effect < 0) {
            range[0] += effect;
        } else {
            range[1] += effect;
        }
    }

    private void checkJournal(Connection db, List<Op> ops, List<String> violations) throws SQLException,
            InterruptedException {
        Map<String, Integer> entries = entriesByRequest(db, keyPrefix());
        Set<String> known = ops.stream().map(op -> op.key).collect(Collectors.toSet());
        for (Op op : ops) {
            int found = entries.getOrDefault(op.key, 0);
            if (Boolean.TRUE.equals(op.posted) && found != 1) {
                violations.add("posted " + op.key + " has " + found + " journal entries, not 1");
            } else if (Boolean.FALSE.equals(op.posted) && found != 0) {
                violations.add("refused " + op.key + " (" + op.refusal + ") has " + found + " journal entries");
            } else if (op.posted == null && found > 1) {
                violations.add("undecided " + op.key + " has " + found + " journal entries");
            }
        }
        entries.keySet().stream().filter(key -> !known.contains(key))
                .forEach(key -> violations.add("journal entry " + key + " for no operation of this run"));
        long unsent = unsentToCore(db);
        if (unsent > 0) {
            violations.add(unsent + " of this run's journal entries never left the outbox for the core system");
        }
        booksBalance(db, violations);
    }

    /** How many journal entries each request id beginning with {@code prefix} has. */
    static Map<String, Integer> entriesByRequest(Connection db, String prefix) throws SQLException {
        Map<String, Integer> entries = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT request_id, COUNT(*) FROM journal_entry WHERE request_id LIKE ? GROUP BY request_id")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return entries;
    }

    /**
     * The books balance: every entry's lines, every account's balance against its journal lines (with a hot
     * account's pending credits) and every GL control account against its accounts.
     */
    static void booksBalance(Connection db, List<String> violations) throws SQLException {
        String signed = "CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END";
        query(db, "SELECT l.entry_id, SUM(" + signed + ") FROM journal_line l GROUP BY l.entry_id HAVING SUM(" + signed
                + ") <> 0", row -> "entry " + row[0] + " is unbalanced by " + row[1], violations);
        // an account's balance is its row and its pending credits (a hot account's, not folded in yet)
        String whole = "(SELECT x.account_number, x.gl_code, x.balance + COALESCE((SELECT SUM(p.amount) "
                + "FROM pending_credit p WHERE p.account_number = x.account_number), 0) AS balance FROM account x)";
        query(db, "SELECT a.account_number, a.balance, COALESCE(SUM(" + signed + "), 0) FROM " + whole + " a "
                + "LEFT JOIN journal_line l ON l.account_number = a.account_number GROUP BY a.account_number, a.balance "
                + "HAVING a.balance <> COALESCE(SUM(" + signed + "), 0)",
                row -> "account " + row[0] + " has balance " + row[1] + " but journal lines of " + row[2], violations);
        query(db, "SELECT g.code, (SELECT COALESCE(SUM(" + signed + "), 0) FROM journal_line l WHERE l.gl_code = g.code), "
                + "(SELECT COALESCE(SUM(a.balance), 0) FROM " + whole + " a WHERE a.gl_code = g.code) FROM gl_account g "
                + "WHERE EXISTS (SELECT 1 FROM account a WHERE a.gl_code = g.code)",
                row -> new BigDecimal(row[1]).compareTo(new BigDecimal(row[2])) == 0 ? null
                        : "GL " + row[0] + " is " + row[1] + " but its accounts sum to " + row[2], violations);
    }

    /** What each of this run's wires gave back to its payer (rejected or returned), from the journal. */
    private void readWireRefunds(Connection db, List<Op> ops) throws SQLException {
        Map<String, Long> refunds = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT w.request_id, COALESCE(SUM(l.amount), 0) FROM wire w "
                + "LEFT JOIN journal_entry e ON e.request_id IN ('wire:' || w.reference || ':REJECTED', "
                + "'wire:' || w.reference || ':RETURNED') LEFT JOIN journal_line l ON l.entry_id = e.id "
                + "AND l.account_number = w.payer_account AND l.side = 'CREDIT' WHERE w.request_id LIKE ? "
                + "GROUP BY w.request_id")) {
            ps.setString(1, keyPrefix() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refunds.put(rs.getString(1), rs.getBigDecimal(2).movePointRight(2).longValueExact());
                }
            }
        }
        ops.stream().filter(op -> op.kind == Kind.WIRE).forEach(op -> op.refundFen = refunds.getOrDefault(op.key, 0L));
    }

    /**
     * Money in flight is counted: the wires in transit (2261) are exactly the wires clearing has not
     * settled, rejected or returned, and the direct debits to pay (2271) exactly the paid lines of
     * files not yet credited to their creditor, each read in one statement (one snapshot). Every wire
     * of this run that clearing never answered is still SUBMITTED (flagged for follow-up, never resent
     * nor given back on its own).
     */
    private void checkWires(Connection db, List<String> violations) throws SQLException {
        String signed = "CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END";
        query(db, "SELECT (SELECT COALESCE(SUM(" + signed + "), 0) FROM journal_line l WHERE l.gl_code = '2261'), "
                + "(SELECT COALESCE(SUM(amount), 0) FROM wire WHERE status IN ('SUBMITTED', 'ACCEPTED'))",
                row -> new BigDecimal(row[0]).compareTo(new BigDecimal(row[1])) == 0 ? null
                        : "GL 2261 (wires in transit) is " + row[0] + " but the wires in flight sum to " + row[1], violations);
        query(db, "SELECT (SELECT COALESCE(SUM(" + signed + "), 0) FROM journal_line l WHERE l.gl_code = '2271'), "
                + "(SELECT COALESCE(SUM(d.amount), 0) FROM dd_line d JOIN dd_file f ON f.id = d.file_id "
                + "WHERE d.status = 'PAID' AND f.credited_entry_id IS NULL)",
                row -> new BigDecimal(row[0]).compareTo(new BigDecimal(row[1])) == 0 ? null
                        : "GL 2271 (direct debits to pay) is " + row[0] + " but the paid lines not credited sum to " + row[1],
                violations);
        try (PreparedStatement ps = db.prepareStatement("SELECT reference, payee_account, status FROM wire "
                + "WHERE request_id LIKE ? AND payee_account LIKE '%9999' AND status <> 'SUBMITTED'")) {
            ps.setString(1, keyPrefix() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    violations.add("wire " + rs.getString(1) + " to " + rs.getString(2) + " is " + rs.getString(3));
                }
            }
        }
    }

    /** This run's entries still in the core system's outbox, after waiting up to a minute for the relay. */
    private long unsentToCore(Connection db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM core_outbox o JOIN journal_entry e "
                    + "ON e.id = o.entry_id WHERE e.request_id LIKE ?")) {
                ps.setString(1, keyPrefix() + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long unsent = rs.getLong(1);
                    if (unsent == 0 || System.nanoTime() > deadline) {
                        return unsent;
                    }
                }
            }
            Thread.sleep(1_000);
        }
    }

    private interface Finding {
        String of(String[] row);
    }

    private static void query(Connection db, String sql, Finding finding, List<String> violations) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                String found = finding.of(row);
                if (found != null) {
                    violations.add(found);
                }
            }
        }
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
