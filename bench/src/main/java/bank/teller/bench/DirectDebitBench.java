package bank.teller.bench;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A creditor's direct-debit file (代扣) whose job is killed (SIGKILL to the server) halfway and
 * restarted, from outside as a bank's test team would, for bench/proof. Without {@code -Drestart}:
 * a company with its collection agreement, {@code -Dpayers} (50) funded payers each with a mandate,
 * and a file of {@code -Dlines} (10,000) debits, one row in a hundred malformed, sent through the API;
 * once {@code -Dkill.after} (1,000) lines are paid, {@code -Dserver.pid} is killed and the line
 * {@code direct debit file ID ...} printed. With {@code -Drestart=ID} (the server started again):
 * the file's processing asked for again through the API ({@code POST /direct-debits/files/{id}/processing}),
 * and once it completed the checks: every good row paid and every bad one refused by its line, each
 * paid debit exactly one journal entry, each payer down by exactly its paid rows, the creditor
 * credited once with their total, and nothing left owing in 2271. Exit status 1 when one fails.
 */
public final class DirectDebitBench {

    private static final BigDecimal FUNDS = new BigDecimal("10000.00");

    private DirectDebitBench() {
    }

    public static void main(String[] args) throws Exception {
        Callable<Connection> database = Target.database();
        String restart = System.getProperty("restart");
        if (restart == null) {
            sendAndKill(database);
        } else {
            System.exit(restartAndCheck(database, Long.parseLong(restart)) ? 0 : 1);
        }
    }

    private static void sendAndKill(Callable<Connection> database) throws Exception {
        int payers = Integer.getInteger("payers", 50);
        int lines = Integer.getInteger("lines", 10_000);
        long killAfter = Long.getLong("kill.after", 1_000);
        Api teller = Target.api();
        Api supervisor = Target.supervisor();
        HttpClient http = Api.client();
        String company = Fixtures.corporateBasicAccount(teller, http, "代扣压测公司" + System.nanoTime() % 100_000);
        String agreement = "B" + System.currentTimeMillis() % 100_000_000;
        Fixtures.require(supervisor.post(http, "/collections/agreements", Fixtures.key(), "{\"code\":\"" + agreement
                + "\",\"name\":\"压测代扣\",\"category\":\"UTILITY\",\"companyAccount\":\"" + company + "\"}"), 201,
                "sign the agreement");
        for (int i = 0; i < payers; i++) {
            String payer = Fixtures.classOneAccount(teller, http, "代扣付款人" + i, FUNDS.toPlainString());
            Fixtures.require(teller.post(http, "/direct-debits/mandates", Fixtures.key(), "{\"agreement\":\"" + agreement
                    + "\",\"mandateRef\":\"P" + i + "\",\"payerAccount\":\"" + payer
                    + "\",\"limitPerDebit\":\"5.00\",\"limitPerMonth\":\"5000.00\"}"), 201, "sign a mandate");
        }
        StringBuilder file = new StringBuilder("mandate_ref,amount\n");
        for (int line = 2; line <= lines + 1; line++) {
            file.append('P').append(line % payers).append(',')
                    .append(line % 100 == 0 ? "1.0.0" : (line % 3 + 1) + ".00").append('\n');
        }
        Api.Answer received = supervisor.postText(http, "/direct-debits/files?agreement=" + agreement + "&fileRef="
                + URLEncoder.encode("BENCH" + System.nanoTime(), StandardCharsets.UTF_8), file.toString());
        Fixtures.require(received, 202, "send the file");
        long fileId = received.json().getJsonNumber("id").longValue();
        long paid;
        while ((paid = paidLines(database, fileId)) < killAfter) {
            Thread.sleep(50);
        }
        ProcessHandle.of(Long.parseLong(System.getProperty("server.pid"))).orElseThrow().destroyForcibly();
        System.out.printf("direct debit file %d: %d lines, agreement %s; killed the server (SIGKILL) at %d paid%n",
                fileId, lines, agreement, paid);
    }

    private static boolean restartAndCheck(Callable<Connection> database, long fileId) throws Exception {
        Api supervisor = Target.supervisor();
        HttpClient http = Api.client();
        Fixtures.require(supervisor.post(http, "/direct-debits/files/" + fileId + "/processing", Fixtures.key(), "{}"), 200,
                "restart the file's processing");
        long deadline = System.nanoTime() + 600_000_000_000L;
        String status;
        while (!"COMPLETED".equals(status = supervisor.get(http, "/direct-debits/files/" + fileId).json()
                .getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        List<String> findings = new ArrayList<>();
        if (!"COMPLETED".equals(status)) {
            findings.add("the file is " + status + " ten minutes after its restart");
        }
        try (Connection db = database.call()) {
            String lines = "FROM dd_line WHERE file_id = " + fileId;
            long bad = number(db, "SELECT COUNT(*) " + lines + " AND MOD(line_no, 100) = 0");
            expect(findings, "good rows paid", number(db, "SELECT COUNT(*) " + lines + " AND MOD(line_no, 100) <> 0"),
                    number(db, "SELECT COUNT(*) " + lines + " AND status = 'PAID'"));
            expect(findings, "bad rows refused by their line", bad,
                    number(db, "SELECT COUNT(*) " + lines + " AND status = 'REFUSED' AND MOD(line_no, 100) = 0"));
            expect(findings, "paid debits with exactly one journal entry", number(db,
                    "SELECT COUNT(*) " + lines + " AND status = 'PAID'"), number(db, "SELECT COUNT(*) FROM dd_line d "
                            + "WHERE d.file_id = " + fileId + " AND d.status = 'PAID' AND (SELECT COUNT(*) FROM journal_entry e "
                            + "WHERE e.request_id = 'dd:' || d.file_id || ':' || d.line_no) = 1"));
            expect(findings, "journal entries of the file beyond its paid debits", 0, number(db,
                    "SELECT COUNT(*) FROM journal_entry e WHERE e.request_id LIKE 'dd:" + fileId + ":%' AND NOT EXISTS "
                            + "(SELECT 1 FROM dd_line d WHERE d.file_id = " + fileId + " AND d.status = 'PAID' "
                            + "AND e.request_id = 'dd:' || d.file_id || ':' || d.line_no)"));
            expect(findings, "payers whose balance is not their funds less their paid rows", 0, number(db,
                    "SELECT COUNT(*) FROM dd_mandate m JOIN dd_file f ON f.agreement_id = m.agreement_id "
                            + "JOIN account a ON a.account_number = m.payer_account WHERE f.id = " + fileId
                            + " AND a.balance <> " + FUNDS + " - (SELECT COALESCE(SUM(d.amount), 0) FROM dd_line d "
                            + "WHERE d.file_id = f.id AND d.mandate_ref = m.mandate_ref AND d.status = 'PAID')"));
            expect(findings, "creditor balance equal to the file's paid total (credited once)", 1, number(db,
                    "SELECT COUNT(*) FROM dd_file f JOIN collection_agreement g ON g.id = f.agreement_id "
                            + "JOIN account a ON a.account_number = g.company_account WHERE f.id = " + fileId
                            + " AND f.credited_entry_id IS NOT NULL AND a.balance = (SELECT SUM(d.amount) FROM dd_line d "
                            + "WHERE d.file_id = f.id AND d.status = 'PAID')"));
            expect(findings, "2271 owing (direct debits to pay) after the file", 0, number(db,
                    "SELECT COALESCE(SUM(CASE WHEN side = 'CREDIT' THEN amount ELSE -amount END), 0) * 100 "
                            + "FROM journal_line WHERE gl_code = '2271'"));
            System.out.printf("direct debit file %d: %s, %d paid, %d refused%n", fileId, status,
                    number(db, "SELECT COUNT(*) " + lines + " AND status = 'PAID'"), bad);
        }
        findings.forEach(finding -> System.out.println("  FINDING " + finding));
        System.out.println(findings.isEmpty() ? "every debit exactly once" : findings.size() + " findings");
        return findings.isEmpty();
    }

    private static void expect(List<String> findings, String what, long expected, long found) {
        if (expected != found) {
            findings.add(what + ": " + found + ", expected " + expected);
        }
    }

    private static long paidLines(Callable<Connection> database, long fileId) throws Exception {
        try (Connection db = database.call()) {
            return number(db, "SELECT COUNT(*) FROM dd_line WHERE file_id = " + fileId + " AND status = 'PAID'");
        }
    }

    private static long number(Connection db, String sql) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1).longValueExact();
        }
    }
}
