package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Vouchers;
import bank.teller.batch.EndOfDayWork;
import bank.teller.report.ReportView;
import bank.teller.report.Reports;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.application.Tills;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The business reports (issue 19): a branch's day counted from the summary tables, the same figures
 * in the Excel workbook, the PDF and the CSV; the copy end of day keeps reprinted unchanged after more
 * business; bad requests refused with their reason.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("reports-it", ReportsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Reports reports;
    private Tills tills;
    private CashDeposits deposits;
    private CashWithdrawals withdrawals;

    @BeforeEach
    void lookUp() throws Exception {
        reports = Lookup.ejb("teller-ejb", Reports.class);
        tills = Lookup.ejb("teller-ejb", Tills.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
    }

    private <T> T as(String user, AsUser.Work<T> work) throws Exception {
        return asUser.as(user, TestUsers.PASSWORD, work);
    }

    /** The row of {@code view} whose column {@code column} says {@code value}, or null. */
    private static List<String> row(ReportView view, int column, String value) {
        return view.rows().stream().filter(r -> r.get(column).equals(value)).findFirst().orElse(null);
    }

    @Test
    void aBranchsDailyReportCountsItsDayAndEachExportSaysTheSame() throws Exception {
        String branch = TestUsers.branch();
        String teller = TestUsers.createIn(branch, "TELLER");
        String supervisor = TestUsers.createIn(branch, "SUPERVISOR");
        String account = Counter.classOneAccount(asUser, "报表客户");
        LocalDate today = Sql.businessDate();
        as(teller, () -> tills.open(TestData.requestId("open")));
        as(teller, () -> deposits.deposit(account, "100.00", "CNY", TestData.requestId("dep")));
        as(teller, () -> deposits.deposit(account, "250.50", "CNY", TestData.requestId("dep")));
        as(teller, () -> withdrawals.withdraw(account, "20.00", "CNY", TestData.requestId("wd")));

        Await.until(() -> row(as(supervisor, () -> reports.report("DAILY_BUSINESS", today, today, null)), 1,
                "txType.CASH_WITHDRAWAL") != null);
        ReportView daily = as(supervisor, () -> reports.report("DAILY_BUSINESS", today, today, null));
        assertEquals(branch, daily.branchCode());
        assertFalse(daily.kept());
        assertEquals(List.of(branch, "txType.CASH_DEPOSIT", "2", "350.50"), row(daily, 1, "txType.CASH_DEPOSIT"));
        assertEquals(List.of(branch, "txType.CASH_WITHDRAWAL", "1", "20.00"), row(daily, 1, "txType.CASH_WITHDRAWAL"));
        ReportView workload = as(supervisor, () -> reports.report("TELLER_WORKLOAD", today, today, null));
        assertEquals(List.of(List.of(branch, teller, "3", "370.50")), workload.rows());

        String query = "?from=" + today + "&to=" + today;
        // the workbook and the PDF are opened with their libraries by the browser test (CounterBrowserIT); here they answer
        for (String format : List.of("xlsx", "pdf")) {
            HttpResponse<byte[]> file = Https.getBytes("/api/v1/reports/business/DAILY_BUSINESS." + format + query,
                    supervisor, TestUsers.PASSWORD, "*/*");
            assertEquals(200, file.statusCode(), format);
            assertEquals(format.equals("pdf") ? "%PDF" : "PK\u0003\u0004", new String(file.body(), 0, 4,
                    StandardCharsets.ISO_8859_1), format);
        }
        HttpResponse<byte[]> csv = Https.getBytes("/api/v1/reports/business/DAILY_BUSINESS.csv" + query, supervisor,
                TestUsers.PASSWORD, "*/*");
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(csvText.contains(branch + ",现金存款,2,350.50"), csvText);
    }

    @Test
    void theCopyEndOfDayKeptIsReprintedUnchangedAfterMoreBusiness() throws Exception {
        String branch = TestUsers.branch();
        String teller = TestUsers.createIn(branch, "TELLER");
        String supervisor = TestUsers.createIn(branch, "SUPERVISOR");
        String auditor = TestUsers.create("AUDITOR");
        String account = Counter.classOneAccount(asUser, "留存客户");
        LocalDate today = Sql.businessDate();
        as(teller, () -> tills.open(TestData.requestId("open")));
        as(teller, () -> deposits.deposit(account, "10.00", "CNY", TestData.requestId("dep")));
        Await.until(() -> row(as(supervisor, () -> reports.report("DAILY_BUSINESS", today, today, null)), 1,
                "txType.CASH_DEPOSIT") != null);

        EndOfDayWork endOfDay = Lookup.ejb("teller-batch", EndOfDayWork.class);
        endOfDay.keepDayFigures(today);
        assertTrue(endOfDay.keepReports(today) > 0);
        as(teller, () -> deposits.deposit(account, "5.00", "CNY", TestData.requestId("dep")));
        Await.until(() -> Sql.count("SELECT COALESCE(SUM(entries), 0) FROM activity_teller WHERE teller = ?", teller) == 2);

        ReportView reprint = as(supervisor, () -> reports.report("DAILY_BUSINESS", today, today, null));
        assertTrue(reprint.kept());
        assertEquals(List.of(branch, "txType.CASH_DEPOSIT", "1", "10.00"), row(reprint, 1, "txType.CASH_DEPOSIT"),
                "the copy says what the day said when it was kept");
        ReportView period = as(supervisor, () -> reports.report("DAILY_BUSINESS", today.minusDays(1), today, null));
        assertFalse(period.kept());
        assertEquals(List.of(branch, "txType.CASH_DEPOSIT", "2", "15.00"), row(period, 1, "txType.CASH_DEPOSIT"),
                "a period is summed afresh");

        ReportView bank = as(auditor, () -> reports.report("DAILY_BUSINESS", today, today, "*"));
        assertTrue(bank.kept());
        assertEquals(null, bank.branchCode());
        assertEquals(ErrorCode.OUTSIDE_BRANCH, refusal(supervisor, () -> reports.report("DAILY_BUSINESS", today, today, "*")));
    }

    private ErrorCode refusal(String user, AsUser.Work<?> work) {
        try {
            as(user, work);
        } catch (TellerException e) {
            return e.code();
        } catch (Exception e) {
            throw new AssertionError("refused otherwise than by a TellerException", e);
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aCustomerRatesAVoucherOnceAndTheRatingsAreReportedPerTeller() throws Exception {
        String branch = TestUsers.branch();
        String teller = TestUsers.createIn(branch, "TELLER");
        String supervisor = TestUsers.createIn(branch, "SUPERVISOR");
        String stranger = TestUsers.create("TELLER");
        String account = Counter.classOneAccount(asUser, "评价客户");
        LocalDate today = Sql.businessDate();
        Vouchers vouchers = Lookup.ejb("teller-ejb", Vouchers.class);
        as(teller, () -> tills.open(TestData.requestId("open")));
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(as(teller, () -> deposits.deposit(account, "1.00", "CNY", TestData.requestId("dep"))).voucherNo());
        }

        Vouchers.Rating first = as(teller, () -> vouchers.rate(numbers.get(0), 5));
        assertEquals(teller, first.teller());
        assertEquals(first, as(teller, () -> vouchers.rate(numbers.get(0), 5)), "the same rating again is the first");
        assertEquals(ErrorCode.VOUCHER_ALREADY_RATED, refusal(teller, () -> vouchers.rate(numbers.get(0), 4)));
        assertEquals(ErrorCode.VALIDATION_FAILED, refusal(teller, () -> vouchers.rate(numbers.get(1), 0)));
        assertEquals(ErrorCode.VALIDATION_FAILED, refusal(teller, () -> vouchers.rate(numbers.get(1), null)));
        assertEquals(ErrorCode.OUTSIDE_BRANCH, refusal(stranger, () -> vouchers.rate(numbers.get(1), 3)),
                "rated at the branch's own counter only");
        assertEquals(ErrorCode.VOUCHER_NOT_FOUND, refusal(teller, () -> vouchers.rate("NO-SUCH-VOUCHER", 3)));
        as(supervisor, () -> vouchers.rate(numbers.get(1), 2));

        ReportView ratings = as(supervisor, () -> reports.report("SERVICE_RATINGS", today, today, null));
        assertEquals(List.of(List.of(branch, teller, "2", "3.50", "1")), ratings.rows(),
                "two ratings of the teller's service, averaging 3.5, one unsatisfied");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM audit_record WHERE action = 'SERVICE_RATED' AND subject = ?",
                "voucher:" + numbers.get(0)), "each rating audited once");
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() throws Exception {
        String supervisor = TestUsers.create("SUPERVISOR");
        LocalDate today = Sql.businessDate();
        assertEquals(ErrorCode.REPORT_NOT_FOUND, refusal(supervisor, () -> reports.report("PROFITS", today, today, null)));
        assertEquals(ErrorCode.REPORT_PERIOD_INVALID, refusal(supervisor, () -> reports.report("FEE_INCOME", today,
                today.minusDays(1), null)));
        assertEquals(ErrorCode.REPORT_PERIOD_INVALID, refusal(supervisor, () -> reports.report("FEE_INCOME", today,
                today.plusDays(1), null)), "not after the business date");
        assertEquals(ErrorCode.REPORT_PERIOD_INVALID, refusal(supervisor, () -> reports.report("FEE_INCOME",
                today.minusDays(400), today, null)), "at most a year");
        assertEquals(ErrorCode.OUTSIDE_BRANCH, refusal(supervisor, () -> reports.report("FEE_INCOME", today, today,
                TestUsers.branch())));
        HttpResponse<String> badDate = Https.get("/api/v1/reports/business/FEE_INCOME?from=yesterday", supervisor,
                TestUsers.PASSWORD);
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("VALIDATION_FAILED") && badDate.body().contains("from"), badDate.body());
        HttpResponse<byte[]> badLanguage = Https.getBytes("/api/v1/reports/business/FEE_INCOME.csv?lang=fr", supervisor,
                TestUsers.PASSWORD, "*/*");
        assertEquals(400, badLanguage.statusCode());
        assertTrue(new String(badLanguage.body(), StandardCharsets.UTF_8).contains("lang"));
        HttpResponse<String> unknown = Https.get("/api/v1/reports/business/PROFITS", supervisor, TestUsers.PASSWORD);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("REPORT_NOT_FOUND"), unknown.body());
    }
}
