package bank.teller.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ops/rehearse's checker of a restored database (issue 20): the operations the bank workload wrote
 * ({@link BankWorkload#writeOperations}) against the journal of the database ops/restore made.
 * <ul>
 * <li>{@code -Dto=<instant>} (a point-in-time recovery): every operation answered as posted before that
 * time has its one entry; none first sent after it has any; one in flight across it has at most one;
 * a refused one none.</li>
 * <li>{@code -Dto=latest} (as far as the archive goes): no entry twice, none for a refused operation, and
 * the acknowledged postings lost — the recovery point: from the first one lost to the last one answered.</li>
 * </ul>
 * Then the books balance ({@link BankWorkload#booksBalance}) and, through the API as the demo auditor,
 * the audit trail verifies INTACT. Arguments: the operations files. Exit status 0 when all holds.
 */
public final class RestoreCheck {

    private record Op(String key, long sentAt, long answeredAt, Boolean posted) {
        static Op parse(String line) {
            String[] f = line.split(",", -1);
            return new Op(f[0], Long.parseLong(f[1]), f[2].isEmpty() ? Long.MAX_VALUE : Long.parseLong(f[2]),
                    "null".equals(f[3]) ? null : Boolean.valueOf(f[3]));
        }
    }

    private RestoreCheck() {
    }

    public static void main(String[] args) throws Exception {
        String to = System.getProperty("to", "latest");
        List<Op> ops = new ArrayList<>();
        for (String file : args) {
            Files.readAllLines(Path.of(file)).stream().filter(line -> !line.isBlank()).map(Op::parse).forEach(ops::add);
        }
        List<String> violations = new ArrayList<>();
        Map<String, Integer> entries;
        try (Connection db = Target.database().call()) {
            entries = BankWorkload.entriesByRequest(db, "bank-");
            BankWorkload.booksBalance(db, violations);
        }
        long before = 0;
        long after = 0;
        long lostFrom = Long.MAX_VALUE;
        long lastAnswered = 0;
        int lost = 0;
        long target = "latest".equals(to) ? Long.MAX_VALUE : Instant.parse(to).toEpochMilli();
        for (Op op : ops) {
            int found = entries.getOrDefault(op.key(), 0);
            if (found > 1) {
                violations.add(op.key() + " has " + found + " journal entries");
            }
            if (Boolean.FALSE.equals(op.posted()) && found != 0) {
                violations.add("refused " + op.key() + " has a journal entry");
            }
            if (Boolean.TRUE.equals(op.posted())) {
                lastAnswered = Math.max(lastAnswered, op.answeredAt());
            }
            if (target != Long.MAX_VALUE) {
                if (Boolean.TRUE.equals(op.posted()) && op.answeredAt() < target) {
                    before++;
                    if (found != 1) {
                        violations.add("posted " + op.key() + " answered before the target is missing");
                    }
                } else if (op.sentAt() > target) {
                    after++;
                    if (found != 0) {
                        violations.add(op.key() + " first sent after the target is in the restored journal");
                    }
                }
            } else if (Boolean.TRUE.equals(op.posted()) && found == 0) {
                lost++;
                lostFrom = Math.min(lostFrom, op.answeredAt());
            }
        }
        String verdict = audit();
        if (!verdict.startsWith("INTACT")) {
            violations.add("audit trail " + verdict);
        }
        System.out.println("operations=" + ops.size() + " entries=" + entries.values().stream().mapToInt(Integer::intValue).sum()
                + (target != Long.MAX_VALUE ? " answered_before=" + before + " sent_after=" + after
                : " acknowledged_lost=" + lost + " rpo_seconds=" + (lost == 0 ? 0 : (lastAnswered - lostFrom) / 1000.0))
                + " audit=" + verdict + " violations=" + violations.size());
        violations.stream().limit(20).forEach(v -> System.out.println("  VIOLATION " + v));
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    /** The audit verifier's verdict, asked through the API as the demo auditor: INTACT n records, or BROKEN k findings. */
    private static String audit() throws Exception {
        String base = System.getProperty("base", "https://localhost:8443/teller/api/v1");
        Api auditor = new Api(base, Api.signingIn(base, System.getProperty("auditor", "audit1"),
                System.getProperty("auditor.password", "Audit1!Demo"),
                System.getProperty("auditor.totp", "MF2WI2LUGEQGIZLNN4QHI33LMVXC4LRO")));
        Api.Answer answer = auditor.get(Api.client(), "/audit/verification");
        if (answer.status() != 200) {
            return "UNREADABLE " + answer.status() + " " + answer.body();
        }
        JsonObject report = Json.createReader(new StringReader(answer.body())).readObject();
        int findings = report.getJsonArray("findings").size();
        return findings == 0 ? "INTACT " + report.getJsonNumber("records") + " records"
                : "BROKEN " + findings + " findings: " + report.getJsonArray("findings");
    }
}
