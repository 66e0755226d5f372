package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.CashDeposits;
import bank.teller.batch.DirectDebitJobs;
import bank.teller.payment.application.Collections;
import bank.teller.payment.application.DirectDebitViews;
import bank.teller.payment.application.DirectDebits;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Direct debit (代扣, issue 17): mandates signed and cancelled; a company's debit file with every
 * kind of refusal, its result file and the company credited with the total; and a file of 10,000
 * lines with 1% bad rows whose run is stopped halfway and restarted: every debit paid exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class DirectDebitsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("direct-debits-it", DirectDebitsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private DirectDebits directDebits;
    private DirectDebitJobs jobs;

    @BeforeEach
    void lookUpServices() {
        directDebits = Lookup.ejb("teller-ejb", DirectDebits.class);
        jobs = Lookup.ejb("teller-batch", DirectDebitJobs.class);
    }

    @Test
    void eachDebitIsPaidOrRefusedWithItsReasonAndTheCompanyGetsTheTotalAndAResultFile() throws Exception {
        String company = Counter.open(asUser, Counter.company(asUser, "燃气公司"), "CORPORATE_BASIC", null);
        String code = agreement(company);
        String rich = funded("代扣甲", "1000.00");
        String poor = funded("代扣乙", "10.00");
        String leaving = funded("代扣丙", "1000.00");
        String old = funded("代扣丁", "1000.00");
        String frozen = funded("代扣戊", "1000.00");
        LocalDate today = Sql.businessDate();
        asUser.teller(() -> directDebits.sign(mandate(code, "M-RICH", rich, "300.00", "400.00", null, null)));
        asUser.teller(() -> directDebits.sign(mandate(code, "M-POOR", poor, "300.00", "400.00", null, null)));
        asUser.teller(() -> directDebits.sign(mandate(code, "M-GONE", leaving, "300.00", "400.00", null, null)));
        asUser.teller(() -> directDebits.sign(mandate(code, "M-OLD", old, "300.00", "400.00",
                today.minusDays(30).toString(), today.minusDays(1).toString())));
        asUser.teller(() -> directDebits.sign(mandate(code, "M-FROZEN", frozen, "300.00", "400.00", null, null)));
        assertEquals(ErrorCode.MANDATE_EXISTS, assertThrows(TellerException.class, () -> asUser.teller(
                () -> directDebits.sign(mandate(code, "M-RICH", rich, "500.00", "500.00", null, null)))).code());
        assertEquals(ErrorCode.MANDATE_INVALID, assertThrows(TellerException.class, () -> asUser.teller(
                () -> directDebits.sign(mandate(code, "M-BAD", rich, "500.00", "100.00", null, null)))).code(),
                "a monthly limit below the limit per debit");
        assertEquals("CANCELLED", asUser.teller(() -> directDebits.cancel(code, "M-GONE")).status());
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", AccountRestrictions.class).freeze(frozen, null, "司法冻结",
                "(2026)京0102执1号", TestData.requestId("freeze")));

        String file = "mandate_ref,amount\n"
                + "M-RICH,250.00\n"      // 2 paid
                + "M-RICH,350.00\n"      // 3 over the limit per debit
                + "M-RICH,200.00\n"      // 4 over the monthly limit (250 + 200 > 400)
                + "M-POOR,20.00\n"       // 5 insufficient funds
                + "M-GONE,10.00\n"       // 6 cancelled
                + "M-OLD,10.00\n"        // 7 expired
                + "M-NONE,10.00\n"       // 8 no mandate
                + "M-FROZEN,10.00\n"     // 9 frozen
                + "M RICH,10.00\n"       // 10 malformed reference
                + "M-RICH,-1\n"          // 11 malformed amount
                + "M-RICH,150.00\n";     // 12 paid (250 + 150 = 400)
        String fileRef = "F" + System.nanoTime();
        DirectDebitViews.File received = asUser.supervisor(() -> jobs.receive(code, fileRef, file));
        assertEquals(11, received.lines());
        DirectDebitViews.File done = awaitCompleted(received.id());
        assertEquals(2, done.paid());
        assertEquals(9, done.refused());
        assertEquals("400.00", done.paidTotal());
        assertEquals(List.of("line,mandate_ref,amount,status,reason,detail", "2,M-RICH,250.00,PAID,,",
                        "3,M-RICH,350.00,REFUSED,OVER_DEBIT_LIMIT,", "4,M-RICH,200.00,REFUSED,OVER_MONTHLY_LIMIT,",
                        "5,M-POOR,20.00,REFUSED,INSUFFICIENT_FUNDS,", "6,M-GONE,10.00,REFUSED,MANDATE_CANCELLED,",
                        "7,M-OLD,10.00,REFUSED,MANDATE_EXPIRED,", "8,M-NONE,10.00,REFUSED,NO_MANDATE,"),
                asUser.supervisor(() -> directDebits.result(received.id())).lines().map(l -> l.replace("\uFEFF", ""))
                        .limit(8).toList());
        List<String> rest = asUser.supervisor(() -> directDebits.result(received.id())).lines().skip(8).toList();
        assertTrue(rest.get(0).startsWith("9,M-FROZEN,10.00,REFUSED,"), rest.get(0));
        assertTrue(rest.get(1).startsWith("10,,,REFUSED,MANDATE_REF_INVALID,"), rest.get(1));
        assertTrue(rest.get(2).startsWith("11,,,REFUSED,AMOUNT_INVALID,"), rest.get(2));
        assertEquals("12,M-RICH,150.00,PAID,,", rest.get(3));
        assertEquals(new BigDecimal("600.00"), balance(rich));
        assertEquals(new BigDecimal("10.00"), balance(poor));
        assertEquals(new BigDecimal("400.00"), balance(company), "the company credited with the total");
        assertEquals(List.of("DEBIT 2271 400.00", "CREDIT 2012 400.00"), Sql.journalLines(done.creditedEntryId()));
        assertEquals(done.id(), asUser.supervisor(() -> jobs.receive(code, fileRef, "mandate_ref,amount\nM-RICH,1.00\n"))
                .id(), "the same file reference again: the file taken first, nothing added");
        assertEquals(11, Sql.count("SELECT COUNT(*) FROM dd_line WHERE file_id = ?", done.id()));
        assertEquals(ErrorCode.DEBIT_FILE_INVALID, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> jobs.receive(code, "F-HEADER", "ref;amount\nM-RICH;1.00\n"))).code());
    }

    @Test
    void aFileOfTenThousandLinesStoppedHalfwayAndRestartedPaysEveryDebitExactlyOnce() throws Exception {
        String company = Counter.open(asUser, Counter.company(asUser, "有线电视公司"), "CORPORATE_BASIC", null);
        String code = agreement(company);
        int payers = 50;
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < payers; i++) {
            String account = funded("万行" + i, "10000.00");
            accounts.add(account);
            String ref = "P" + i;
            asUser.teller(() -> directDebits.sign(mandate(code, ref, account, "5.00", "5000.00", null, null)));
        }
        StringBuilder file = new StringBuilder("mandate_ref,amount\n");
        BigDecimal[] owed = new BigDecimal[payers];
        java.util.Arrays.fill(owed, BigDecimal.ZERO.setScale(2));
        List<Integer> badLines = new ArrayList<>();
        for (int line = 2; line <= 10_001; line++) {
            int payer = line % payers;
            if (line % 100 == 0) {
                file.append("P").append(payer).append(",1.0.0\n");
                badLines.add(line);
            } else {
                BigDecimal amount = new BigDecimal(line % 3 + 1).setScale(2);
                file.append("P").append(payer).append(',').append(amount).append('\n');
                owed[payer] = owed[payer].add(amount);
            }
        }
        DirectDebitViews.File received = asUser.supervisor(() -> jobs.receive(code, "BIG" + System.nanoTime(),
                file.toString()));
        assertEquals(10_000, received.lines());
        long first = received.executionId();
        Await.until(() -> Sql.count("SELECT COUNT(*) FROM dd_line WHERE file_id = ? AND status = 'PAID'",
                received.id()) >= 1000);
        asUser.supervisor(() -> {
            jobs.stop(received.id());
            return null;
        });
        Await.until(() -> "STOPPED".equals(asUser.supervisor(() -> jobs.runStatus(received.id()))));
        assertEquals("STOPPED", asUser.supervisor(() -> jobs.runStatus(received.id())));
        long paidWhenStopped = Sql.count("SELECT COUNT(*) FROM dd_line WHERE file_id = ? AND status = 'PAID'",
                received.id());
        assertTrue(paidWhenStopped < 9_900, "stopped halfway: " + paidWhenStopped);

        long second = asUser.supervisor(() -> jobs.process(received.id()));
        assertNotEquals(first, second, "restarted");
        DirectDebitViews.File done = awaitCompleted(received.id());
        assertEquals(9_900, done.paid());
        assertEquals(100, done.refused());
        assertEquals(badLines.stream().map(String::valueOf).toList(), Sql.strings(
                "SELECT CAST(line_no AS VARCHAR) FROM dd_line WHERE file_id = ? AND status = 'REFUSED' "
                        + "ORDER BY dd_line.line_no",
                received.id()), "each bad row by its line");
        assertEquals(9_900, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE request_caller = ? AND request_id LIKE ?",
                DirectDebits.DIRECT_DEBIT_USER, "dd:" + received.id() + ":%"), "every debit posted exactly once");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < payers; i++) {
            assertEquals(new BigDecimal("10000.00").subtract(owed[i]), balance(accounts.get(i)), accounts.get(i));
            total = total.add(owed[i]);
        }
        assertEquals(total.toPlainString(), done.paidTotal());
        assertEquals(total, balance(company));
    }

    private String agreement(String company) throws Exception {
        String code = "D" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", Collections.class).sign(
                new Collections.AgreementRequest(code, "代扣费用", "UTILITY", company)));
        return code;
    }

    private static DirectDebits.MandateRequest mandate(String code, String ref, String account, String perDebit,
                                                       String perMonth, String from, String expires) {
        return new DirectDebits.MandateRequest(code, ref, account, perDebit, perMonth, from, expires);
    }

    private String funded(String name, String amount) throws Exception {
        String account = Counter.classOneAccount(asUser, name);
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(account, amount, "CNY",
                TestData.requestId("fund")));
        return account;
    }

    private DirectDebitViews.File awaitCompleted(long fileId) throws Exception {
        Await.until(() -> "COMPLETED".equals(asUser.supervisor(() -> directDebits.file(fileId)).status()));
        DirectDebitViews.File file = asUser.supervisor(() -> directDebits.file(fileId));
        assertEquals("COMPLETED", file.status(), file.toString());
        return file;
    }

    private static BigDecimal balance(String account) throws Exception {
        return Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account);
    }
}
