package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountOpening;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.Reversals;
import bank.teller.approval.application.Approvals;
import bank.teller.calendar.application.EndOfDayProducts;
import bank.teller.customer.application.CustomerView;
import bank.teller.deposit.application.CertificateLosses;
import bank.teller.deposit.application.DepositQueries;
import bank.teller.deposit.application.DepositReceipt;
import bank.teller.deposit.application.DepositView;
import bank.teller.deposit.application.TermDeposits;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.application.VoucherStock;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Time and notice deposits (issue 16) through the use cases and the API: opening in cash or from the
 * holder's demand account on a certificate from the till's stock, the interest of a withdrawal,
 * partial withdrawal with a new certificate, notices, and bad input refused with nothing changed.
 */
@ExtendWith(ArquillianExtension.class)
class DepositsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("deposits-it", DepositsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private TermDeposits deposits;
    private DepositQueries queries;
    private VoucherStock stock;
    private CashDeposits cash;

    @BeforeEach
    void lookUpServices() {
        deposits = Lookup.ejb("teller-ejb", TermDeposits.class);
        queries = Lookup.ejb("teller-ejb", DepositQueries.class);
        stock = Lookup.ejb("teller-ejb", VoucherStock.class);
        cash = Lookup.ejb("teller-ejb", CashDeposits.class);
    }

    @Test
    void aTimeDepositOpensInCashOnACertificateFromTheTillAndIsWithdrawnInPartThenInFull() throws Exception {
        CustomerView holder = Counter.individual(asUser, "定期客户");
        String demand = Counter.open(asUser, holder, "INDIVIDUAL_I", null);
        List<String> certificates = certificatesInTill(AsUser.TELLER, 3);
        LocalDate today = Sql.businessDate();
        String openId = TestData.requestId("open");
        TermDeposits.Opening opening = new TermDeposits.Opening(holder.id(), "TIME_1Y", "10000.00", null, "NONE", null,
                certificates.get(0));

        DepositReceipt opened = asUser.teller(() -> deposits.open(opening, openId));
        String number = opened.accountNumber();
        DepositView deposit = opened.deposit();
        assertEquals("1.50", deposit.ratePercent(), "the 1-year rate in force today");
        assertEquals(today.plusYears(1), deposit.maturesOn());
        assertEquals("10000.00", deposit.principal());
        assertEquals(certificates.get(0), deposit.certificateNo());
        assertNotNull(opened.voucherNo());
        assertEquals("2013", Sql.string("SELECT gl_code FROM account WHERE account_number = ?", number));
        assertEquals(List.of("DEBIT 1001 10000.00", "CREDIT 2013 10000.00"), Sql.journalLines(opened.entryId()));
        assertEquals("USED", Sql.string("SELECT status FROM blank_voucher WHERE kind = 'CERTIFICATE' AND serial_no = ?",
                certificates.get(0)));

        DepositReceipt replayed = asUser.teller(() -> deposits.open(opening, openId));
        assertEquals(opened.entryId(), replayed.entryId(), "a replay answers the first opening");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM account WHERE customer_id = ? AND account_type = 'INDIVIDUAL_TIME'",
                holder.id()));

        // half a year ago, as if opened then: a part withdrawn now earns the demand rate of today
        LocalDate start = today.minusMonths(6);
        backdate(number, start, start.plusYears(1));
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, today);
        String earlyInterest = new BigDecimal("4000.00").multiply(new BigDecimal("0.0035"))
                .multiply(BigDecimal.valueOf(days)).divide(new BigDecimal("360"), 2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        DepositReceipt quote = asUser.teller(() -> deposits.quote(number, "4000.00"));
        assertEquals(earlyInterest, quote.interest(), "4,000 x 0.35 % x " + days + " / 360");
        assertEquals("EARLY", quote.slip().lines().get(0).kind());

        DepositReceipt partly = asUser.teller(() -> deposits.withdraw(new TermDeposits.Withdrawal(number, "4000.00",
                null, certificates.get(1), null), TestData.requestId("part")));
        assertEquals(earlyInterest, partly.interest(), "what the quote said");
        assertEquals("6000.00", partly.deposit().principal());
        assertTrue(partly.deposit().partlyWithdrawn());
        assertEquals(certificates.get(1), partly.deposit().certificateNo(), "a new certificate for the rest");
        assertEquals("1.50", partly.deposit().ratePercent(), "the rest keeps its rate");
        assertEquals(start.plusYears(1), partly.deposit().maturesOn(), "and its term");
        String paid = new BigDecimal("4000.00").add(new BigDecimal(earlyInterest)).toPlainString();
        assertEquals(new BigDecimal(earlyInterest).signum() == 0
                ? List.of("DEBIT 2013 4000.00", "CREDIT 1001 " + paid)
                : List.of("DEBIT 2013 4000.00", "DEBIT 6411 " + earlyInterest, "CREDIT 1001 " + paid),
                Sql.journalLines(partly.entryId()));

        assertEquals(ErrorCode.DEPOSIT_PARTIAL_TAKEN, refused(() -> deposits.withdraw(new TermDeposits.Withdrawal(
                number, "1000.00", null, certificates.get(2), null), TestData.requestId("again"))));
        assertEquals("ISSUED", Sql.string("SELECT status FROM blank_voucher WHERE kind = 'CERTIFICATE' AND serial_no = ?",
                certificates.get(2)), "the refused withdrawal used no certificate");
        assertEquals(0, new BigDecimal("6000.00").compareTo(balance(number)), "and moved no money");

        // a year after its start it is paid as matured: the rest earns its term's rate
        backdate(number, today.minusYears(1), today.minusYears(1).plusYears(1));
        BigDecimal demandBefore = balance(demand);
        DepositReceipt closed = asUser.teller(() -> deposits.withdraw(new TermDeposits.Withdrawal(number, null,
                demand, null, null), TestData.requestId("close")));
        assertEquals("90.00", closed.interest(), "6,000 x 1.50 % for the year");
        assertEquals("TERM", closed.slip().lines().get(0).kind());
        assertEquals("CLOSED", closed.deposit().status());
        assertNull(closed.certificateNo(), "the customer holds no certificate any more");
        assertEquals(0, demandBefore.add(new BigDecimal("6090.00")).compareTo(balance(demand)));
        assertEquals(List.of("OPENED", "PARTLY_WITHDRAWN", "CLOSED"),
                closed.deposit().history().stream().map(DepositView.Event::event).toList());
        assertEquals(List.of(number), asUser.teller(() -> queries.byCertificate(certificates.get(0))).stream()
                .map(DepositView::accountNumber).toList(), "found by its first certificate too");
        assertEquals(List.of(number), asUser.teller(() -> queries.ofCustomer(holder.id())).stream()
                .map(DepositView::accountNumber).toList());
    }

    @Test
    void badInputIsRefusedWithItsOwnCodeAndChangesNothing() throws Exception {
        CustomerView holder = Counter.individual(asUser, "错单客户");
        String demand = Counter.open(asUser, holder, "INDIVIDUAL_I", null);
        String stranger = Counter.classOneAccount(asUser, "他人客户");
        asUser.teller(() -> cash.deposit(stranger, "1000.00", "CNY", TestData.requestId("fund")));
        List<String> certificates = certificatesInTill(AsUser.TELLER, 2);
        long accounts = Sql.count("SELECT COUNT(*) FROM account");
        long entries = Sql.count("SELECT COUNT(*) FROM journal_entry");

        assertEquals(ErrorCode.VALIDATION_FAILED, refusedOpening(holder, "TIME_4M", "1000.00", null, certificates.get(0)));
        assertEquals(ErrorCode.VALIDATION_FAILED, refusedOpening(holder, "DEMAND", "1000.00", null, certificates.get(0)));
        assertEquals(ErrorCode.DEPOSIT_BELOW_MINIMUM, refusedOpening(holder, "TIME_3M", "49.99", null, certificates.get(0)));
        assertEquals(ErrorCode.DEPOSIT_BELOW_MINIMUM, refusedOpening(holder, "NOTICE_7D", "49999.99", null,
                certificates.get(0)));
        assertEquals(ErrorCode.DEPOSIT_ACCOUNT_NOT_HOLDERS, refusedOpening(holder, "TIME_3M", "100.00", stranger,
                certificates.get(0)), "funded from another customer's account");
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refusedOpening(holder, "TIME_3M", "100.00", demand,
                certificates.get(0)));
        assertEquals(ErrorCode.BLANK_VOUCHER_NOT_FOUND, refusedOpening(holder, "TIME_3M", "100.00", null, "99999999"),
                "a number not in this branch's stock");
        asUser.teller(() -> stock.spoil("CERTIFICATE", certificates.get(1), "打印错位"));
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusedOpening(holder, "TIME_3M", "100.00", null,
                certificates.get(1)), "a spoiled number");
        assertEquals(ErrorCode.ACCOUNT_TYPE_IS_DEPOSIT, refused(() -> Lookup.ejb("teller-ejb", AccountOpening.class)
                .open(holder.id(), "INDIVIDUAL_TIME", null, TestData.requestId("empty"))));
        assertEquals(accounts, Sql.count("SELECT COUNT(*) FROM account"), "no account was opened");
        assertEquals(entries, Sql.count("SELECT COUNT(*) FROM journal_entry"), "nothing was posted");
        assertEquals("ISSUED", Sql.string("SELECT status FROM blank_voucher WHERE kind = 'CERTIFICATE' AND serial_no = ?",
                certificates.get(0)), "no certificate was used");

        DepositReceipt opened = asUser.teller(() -> deposits.open(new TermDeposits.Opening(holder.id(), "TIME_3M",
                "100.00", null, null, null, certificates.get(0)), TestData.requestId("open")));
        String number = opened.accountNumber();
        assertEquals(ErrorCode.REVERSAL_OF_DEPOSIT, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> Lookup.ejb("teller-ejb", Reversals.class).reverse(opened.entryId(), "开错了",
                        TestData.requestId("rev")))).code(), "a deposit is closed, not reversed");
        assertEquals(ErrorCode.ACCOUNT_IS_TERM_DEPOSIT, refused(() -> cash.deposit(number, "10.00", "CNY",
                TestData.requestId("cash"))), "a deposit's money moves only by its own transactions");
        assertEquals(ErrorCode.DEPOSIT_NOT_FOUND, refused(() -> deposits.quote(demand, null)));
        assertEquals(ErrorCode.DEPOSIT_AMOUNT_ABOVE_PRINCIPAL, refused(() -> deposits.withdraw(
                new TermDeposits.Withdrawal(number, "100.01", null, null, null), TestData.requestId("more"))));
        assertEquals(ErrorCode.DEPOSIT_CERTIFICATE_REQUIRED, refused(() -> deposits.withdraw(
                new TermDeposits.Withdrawal(number, "40.00", null, null, null), TestData.requestId("part"))));
        assertEquals(ErrorCode.DEPOSIT_ACCOUNT_NOT_HOLDERS, refused(() -> deposits.withdraw(
                new TermDeposits.Withdrawal(number, null, stranger, null, null), TestData.requestId("theirs"))));
        assertEquals(ErrorCode.DEPOSIT_NOT_NOTICE, refused(() -> deposits.registerNotice(number,
                Sql.businessDate().plusDays(7).toString(), "100.00", TestData.requestId("notice"))));
        assertEquals(0, new BigDecimal("100.00").compareTo(balance(number)), "the deposit is as it was");
    }

    @Test
    void aNoticeDepositTakesNoticesThroughTheApiAndARestBelowTheMinimumIsPaidOutWithTheWithdrawal() throws Exception {
        String teller = TestUsers.create("TELLER");
        CustomerView holder = Counter.individual(asUser, "通知客户");
        String demand = Counter.open(asUser, holder, "INDIVIDUAL_I", null);
        for (int i = 0; i < 3; i++) {
            asUser.teller(() -> cash.deposit(demand, "40000.00", "CNY", TestData.requestId("fund")));
        }
        List<String> certificates = certificatesInTill(teller, 1);
        LocalDate today = Sql.businessDate();

        HttpResponse<String> opened = Https.postJson("/api/v1/deposits", teller, TestUsers.PASSWORD,
                TestData.requestId("open"), "{\"customerId\":" + holder.id() + ",\"product\":\"NOTICE_7D\","
                        + "\"amount\":\"100000.00\",\"fromAccount\":\"" + demand + "\",\"certificateNo\":\""
                        + certificates.get(0) + "\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String number = field(opened.body(), "accountNumber");
        assertEquals("NOTICE_7D", field(field(opened.body(), "deposit"), "product"));
        HttpResponse<byte[]> certificate = Https.getBytes("/api/v1/deposits/" + number + "/certificate", teller,
                TestUsers.PASSWORD, "application/pdf");
        assertEquals(200, certificate.statusCode());
        assertTrue(new String(certificate.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));

        String path = "/api/v1/deposits/" + number + "/notice";
        HttpResponse<String> soon = Https.postJson(path, teller, TestUsers.PASSWORD, TestData.requestId("n"),
                "{\"date\":\"" + today.plusDays(6) + "\",\"amount\":\"50000.00\"}");
        assertEquals(400, soon.statusCode(), soon.body());
        assertTrue(soon.body().contains("DEPOSIT_NOTICE_TOO_SOON"), soon.body());
        HttpResponse<String> noticed = Https.postJson(path, teller, TestUsers.PASSWORD, TestData.requestId("n"),
                "{\"date\":\"" + today.plusDays(7) + "\",\"amount\":\"50000.00\"}");
        assertEquals(200, noticed.statusCode(), noticed.body());
        assertEquals(today.plusDays(7).toString(), field(noticed.body(), "noticeDate"));
        HttpResponse<String> twice = Https.postJson(path, teller, TestUsers.PASSWORD, TestData.requestId("n"),
                "{\"date\":\"" + today.plusDays(8) + "\",\"amount\":\"50000.00\"}");
        assertEquals(409, twice.statusCode(), twice.body());
        assertTrue(twice.body().contains("DEPOSIT_NOTICE_EXISTS"), twice.body());
        HttpResponse<String> cancelled = Https.send(Https.inSession(path, Https.sessionOf(teller, TestUsers.PASSWORD))
                .header("Idempotency-Key", TestData.requestId("cancel")).DELETE().build());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertTrue(cancelled.body().contains("\"event\":\"NOTICE_CANCELLED\""), cancelled.body());
        assertEquals(List.of("OPENED", "NOTICE_REGISTERED", "NOTICE_CANCELLED"), Sql.strings(
                "SELECT kind FROM deposit_event WHERE account_number = ? ORDER BY id", number));

        HttpResponse<String> quote = Https.get("/api/v1/deposits/" + number + "/quote?amount=60000.00", teller,
                TestUsers.PASSWORD);
        assertEquals(200, quote.statusCode(), quote.body());
        assertEquals("100000.00", field(quote.body(), "paidOut"), "40,000 cannot stay: it is paid out too");
        BigDecimal demandBefore = balance(demand);
        HttpResponse<String> withdrawn = Https.postJson("/api/v1/deposits/" + number + "/withdrawals", teller,
                TestUsers.PASSWORD, TestData.requestId("w"), "{\"amount\":\"60000.00\",\"toAccount\":\"" + demand + "\"}");
        assertEquals(201, withdrawn.statusCode(), withdrawn.body());
        assertEquals("CLOSED", Sql.string("SELECT status FROM account WHERE account_number = ?", number));
        assertEquals(0, demandBefore.add(new BigDecimal("100000.00")).compareTo(balance(demand)),
                "opened and withdrawn the same day: no interest");

        String entry = Sql.string("SELECT CAST(entry_id AS VARCHAR(20)) FROM deposit_event WHERE account_number = ? "
                + "AND kind = 'CLOSED'", number);
        HttpResponse<byte[]> slip = Https.getBytes("/api/v1/deposits/" + number + "/slips/" + entry, teller,
                TestUsers.PASSWORD, "application/pdf");
        assertEquals(200, slip.statusCode());
        assertTrue(new String(slip.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
        HttpResponse<byte[]> closedCertificate = Https.getBytes("/api/v1/deposits/" + number + "/certificate", teller,
                TestUsers.PASSWORD, "application/pdf");
        assertEquals(409, closedCertificate.statusCode(), "a closed deposit has no valid certificate to print");

        HttpResponse<String> found = Https.get("/api/v1/deposits?certificate=" + certificates.get(0), teller,
                TestUsers.PASSWORD);
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains(number), found.body());
        HttpResponse<String> neither = Https.get("/api/v1/deposits", teller, TestUsers.PASSWORD);
        assertEquals(400, neither.statusCode(), neither.body());
    }

    @Test
    void atMaturityEndOfDayRenewsWithOrWithoutTheInterestAndMarksADepositWithoutRenewalMatured() throws Exception {
        CustomerView holder = Counter.individual(asUser, "转存客户");
        String demand = Counter.open(asUser, holder, "INDIVIDUAL_I", null);
        List<String> certificates = certificatesInTill(AsUser.TELLER, 3);
        LocalDate today = Sql.businessDate();
        String withInterest = openThreeMonths(holder, "PRINCIPAL_AND_INTEREST", demand, certificates.get(0));
        String principalOnly = openThreeMonths(holder, "PRINCIPAL", demand, certificates.get(1));
        String none = openThreeMonths(holder, "NONE", null, certificates.get(2));
        LocalDate start = today.minusMonths(3);
        LocalDate maturity = start.plusMonths(3);
        for (String deposit : List.of(withInterest, principalOnly, none)) {
            backdate(deposit, start, maturity);
        }
        EndOfDayProducts products = Lookup.ejb("teller-ejb", EndOfDayProducts.class);
        List<String> due = asUser.supervisor(() -> products.duePage("maturities", null, null, today, 100_000));
        assertTrue(due.containsAll(List.of(withInterest, principalOnly, none)), due.toString());
        BigDecimal demandBefore = balance(demand);

        for (String deposit : List.of(withInterest, principalOnly, none)) {
            assertEquals(1, asUser.supervisor(() -> products.process("maturities", deposit, today)).posted());
        }

        DepositView renewed = asUser.teller(() -> queries.deposit(withInterest));
        assertEquals("10027.50", renewed.principal(), "10,000 and its 27.50 (1.10 % for 90 days) deposited again");
        assertEquals(maturity, renewed.termStart());
        assertEquals(maturity.plusMonths(3), renewed.maturesOn());
        assertEquals("RENEWED", renewed.history().get(1).event());
        assertEquals("27.50", renewed.history().get(1).slip().total());
        assertEquals(List.of("DEBIT 6411 27.50", "CREDIT 2013 27.50"), Sql.journalLines(renewed.history().get(1).entryId()));

        DepositView paidOut = asUser.teller(() -> queries.deposit(principalOnly));
        assertEquals("10000.00", paidOut.principal(), "the principal alone renewed");
        assertEquals(maturity.plusMonths(3), paidOut.maturesOn());
        assertEquals(0, demandBefore.add(new BigDecimal("27.50")).compareTo(balance(demand)),
                "its interest paid to the settlement account");

        DepositView waiting = asUser.teller(() -> queries.deposit(none));
        assertEquals(maturity, waiting.maturesOn(), "no renewal: it waits");
        assertEquals(List.of("OPENED", "MATURED"), waiting.history().stream().map(DepositView.Event::event).toList());

        for (String deposit : List.of(withInterest, principalOnly, none)) {
            assertEquals(0, asUser.supervisor(() -> products.process("maturities", deposit, today)).posted(),
                    "a second run (a restart) finds nothing due");
        }
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM journal_entry e WHERE e.entry_type = 'DEPOSIT_RENEWAL' AND "
                + "EXISTS (SELECT 1 FROM journal_line l WHERE l.entry_id = e.id AND l.account_number = ?)", withInterest));
        List<String> dueAfter = asUser.supervisor(() -> products.duePage("maturities", null, null, today, 100_000));
        assertTrue(dueAfter.stream().noneMatch(List.of(withInterest, principalOnly, none)::contains), dueAfter.toString());
        assertEquals("27.50", asUser.teller(() -> deposits.quote(none, null)).interest(),
                "matured today: the term, no overdue day yet");
    }

    @Test
    void aLostCertificateStopsPaymentUntilItsReissueAfterTheWrittenReportsWaitApprovedByASupervisor() throws Exception {
        CertificateLosses losses = Lookup.ejb("teller-ejb", CertificateLosses.class);
        CustomerView holder = Counter.individual(asUser, "挂失客户");
        String owner = Sql.string("SELECT id_number FROM customer WHERE id = ?", holder.id());
        List<String> certificates = certificatesInTill(AsUser.TELLER, 2);
        String number = openThreeMonths(holder, "NONE", null, certificates.get(0));
        LocalDate today = Sql.businessDate();
        long fees = Sql.count("SELECT COUNT(*) FROM journal_entry WHERE entry_type LIKE 'CERTIFICATE_%'");

        DepositView oral = asUser.teller(() -> losses.report(number, certificates.get(0), "ORAL", null,
                TestData.requestId("lost")));
        assertEquals("ORAL", oral.loss().kind());
        assertEquals(today.plusDays(5), oral.loss().lapsesAfter());
        assertEquals(ErrorCode.DEPOSIT_CERTIFICATE_LOST, refused(() -> deposits.withdraw(new TermDeposits.Withdrawal(
                number, null, null, null, null), TestData.requestId("w"))), "payment stops at once");
        assertEquals(ErrorCode.LOSS_REPORT_EXISTS, refused(() -> losses.report(number, certificates.get(0), "ORAL",
                null, TestData.requestId("again"))));
        assertEquals(ErrorCode.LOSS_REPORT_CERTIFICATE_MISMATCH, refused(() -> losses.report(number, "99999999",
                "WRITTEN", owner, TestData.requestId("other"))));
        assertEquals(ErrorCode.LOSS_REPORT_ID_MISMATCH, refused(() -> losses.report(number, certificates.get(0),
                "WRITTEN", "110101199003070000", TestData.requestId("not-owner"))));
        assertEquals(ErrorCode.LOSS_REPORT_NOT_WRITTEN, refused(() -> losses.reissue(number, owner,
                certificates.get(1), TestData.requestId("early"))));

        DepositView written = asUser.teller(() -> losses.report(number, certificates.get(0), "WRITTEN", owner,
                TestData.requestId("written")));
        assertEquals("WRITTEN", written.loss().kind());
        assertEquals(today.plusDays(7), written.loss().waitOverOn());
        assertEquals(ErrorCode.LOSS_REPORT_WAITING, refused(() -> losses.reissue(number, owner, certificates.get(1),
                TestData.requestId("early"))));
        assertEquals("ISSUED", Sql.string("SELECT status FROM blank_voucher WHERE kind = 'CERTIFICATE' AND serial_no = ?",
                certificates.get(1)), "a refused reissue uses no blank");

        // seven days on: the reissue waits for a supervisor, then the same request goes through
        Sql.update("UPDATE certificate_loss SET reported_on = ? WHERE account_number = ?", today.minusDays(7), number);
        String reissueId = TestData.requestId("reissue");
        TellerException waiting = assertThrows(TellerException.class, () -> asUser.teller(() -> losses.reissue(number,
                owner, certificates.get(1), reissueId)));
        assertEquals(ErrorCode.APPROVAL_REQUIRED, waiting.code(), "every reissue is approved");
        long approval = ((Number) waiting.args().get(0)).longValue();
        asUser.supervisor(() -> Lookup.ejb("teller-ejb", Approvals.class).approve(approval, "核实本人证件"));
        DepositView reissued = asUser.teller(() -> losses.reissue(number, owner, certificates.get(1), reissueId));
        assertEquals(certificates.get(1), reissued.certificateNo());
        assertNull(reissued.loss(), "payment resumes");
        assertEquals(List.of("OPENED", "LOST", "LOSS_CONFIRMED", "REISSUED"),
                reissued.history().stream().map(DepositView.Event::event).toList());
        assertEquals(fees + 2, Sql.count("SELECT COUNT(*) FROM journal_entry WHERE entry_type LIKE 'CERTIFICATE_%'"),
                "the report's fee and the reissue's, once each");
        assertEquals(List.of("DEBIT 1001 10.00", "CREDIT 6021 10.00"), Sql.journalLines(reissued.history().get(3).entryId()));
        assertEquals(ErrorCode.LOSS_REPORT_CERTIFICATE_MISMATCH, refused(() -> losses.report(number,
                certificates.get(0), "ORAL", null, TestData.requestId("old"))), "the lost certificate is void for ever");

        DepositReceipt paid = asUser.teller(() -> deposits.withdraw(new TermDeposits.Withdrawal(number, null, null,
                null, null), TestData.requestId("paid")));
        assertEquals("CLOSED", paid.deposit().status());
    }

    @Test
    void anOralReportLapsesAtEndOfDayAndAWrittenOneIsPaidOutToItsOwnerAfterItsWait() throws Exception {
        CertificateLosses losses = Lookup.ejb("teller-ejb", CertificateLosses.class);
        EndOfDayProducts products = Lookup.ejb("teller-ejb", EndOfDayProducts.class);
        CustomerView holder = Counter.individual(asUser, "失效客户");
        String owner = Sql.string("SELECT id_number FROM customer WHERE id = ?", holder.id());
        List<String> certificates = certificatesInTill(AsUser.TELLER, 2);
        String oral = openThreeMonths(holder, "NONE", null, certificates.get(0));
        String written = openThreeMonths(holder, "NONE", null, certificates.get(1));
        LocalDate today = Sql.businessDate();
        asUser.teller(() -> losses.report(oral, certificates.get(0), "ORAL", null, TestData.requestId("o")));
        asUser.teller(() -> losses.report(written, certificates.get(1), "WRITTEN", owner, TestData.requestId("w")));

        assertEquals(0, asUser.supervisor(() -> products.process("loss-lapses", oral, today)).posted(),
                "reported today: not yet lapsed");
        Sql.update("UPDATE certificate_loss SET reported_on = ? WHERE account_number IN (?, ?)", today.minusDays(7),
                oral, written);
        assertTrue(asUser.supervisor(() -> products.duePage("loss-lapses", null, null, today, 100_000)).contains(oral));
        assertEquals(1, asUser.supervisor(() -> products.process("loss-lapses", oral, today)).posted());
        DepositView lapsed = asUser.teller(() -> queries.deposit(oral));
        assertNull(lapsed.loss(), "not followed in writing: payment resumes");
        assertEquals("LOSS_LAPSED", lapsed.history().get(lapsed.history().size() - 1).event());
        assertEquals(0, asUser.supervisor(() -> products.process("loss-lapses", written, today)).posted(),
                "a written report does not lapse");

        assertEquals(ErrorCode.DEPOSIT_CERTIFICATE_LOST, refused(() -> deposits.withdraw(new TermDeposits.Withdrawal(
                written, null, null, null, null), TestData.requestId("no-id"))), "without the owner's ID");
        assertEquals(ErrorCode.DEPOSIT_CERTIFICATE_LOST, refused(() -> deposits.withdraw(new TermDeposits.Withdrawal(
                written, "100.00", null, null, owner), TestData.requestId("part"))), "a lost certificate's deposit is paid whole");
        assertEquals(ErrorCode.LOSS_REPORT_ID_MISMATCH, refused(() -> deposits.withdraw(new TermDeposits.Withdrawal(
                written, null, null, null, "110101199003070000"), TestData.requestId("other"))));
        DepositReceipt paid = asUser.teller(() -> deposits.withdraw(new TermDeposits.Withdrawal(written, null, null,
                null, owner), TestData.requestId("payout")));
        assertEquals("CLOSED", paid.deposit().status(), "挂失销户");
        assertEquals("RESOLVED", Sql.string("SELECT status FROM certificate_loss WHERE account_number = ?", written));
    }

    @Test
    void aMaturedDepositIsRenewedAtTheCounterWithItsInterestOrWithTheInterestPaidInCash() throws Exception {
        CustomerView holder = Counter.individual(asUser, "转存柜面客户");
        List<String> certificates = certificatesInTill(AsUser.TELLER, 5);
        String withInterest = openThreeMonths(holder, "NONE", null, certificates.get(0));
        String interestInCash = openThreeMonths(holder, "NONE", null, certificates.get(1));
        String young = openThreeMonths(holder, "NONE", null, certificates.get(2));
        LocalDate today = Sql.businessDate();
        LocalDate start = today.minusMonths(3).minusDays(10);
        backdate(withInterest, start, start.plusMonths(3));
        backdate(interestInCash, start, start.plusMonths(3));
        long overdue = java.time.temporal.ChronoUnit.DAYS.between(start.plusMonths(3), today);
        String interest = new BigDecimal("27.50").add(new BigDecimal("10000").multiply(new BigDecimal("0.0035"))
                .multiply(BigDecimal.valueOf(overdue)).divide(new BigDecimal("360"), 2, java.math.RoundingMode.HALF_UP))
                .toPlainString();

        assertEquals(ErrorCode.DEPOSIT_NOT_MATURED, refused(() -> deposits.renew(new TermDeposits.Renewing(young, null,
                null, true, certificates.get(3)), TestData.requestId("young"))));
        String renewal = TestData.requestId("renew");
        TermDeposits.Renewing sixMonths = new TermDeposits.Renewing(withInterest, "TIME_6M", "PRINCIPAL_AND_INTEREST",
                true, certificates.get(3));
        DepositReceipt renewed = asUser.teller(() -> deposits.renew(sixMonths, renewal));
        assertEquals(interest, renewed.interest(), "27.50 for the term and " + overdue + " overdue days at 0.35 %");
        assertEquals("0.00", renewed.paidOut());
        DepositView next = renewed.deposit();
        assertEquals(new BigDecimal("10000.00").add(new BigDecimal(interest)).toPlainString(), next.principal());
        assertEquals("TIME_6M", next.product());
        assertEquals("1.30", next.ratePercent(), "the six-month rate of today");
        assertEquals(today, next.termStart());
        assertEquals(today.plusMonths(6), next.maturesOn());
        assertEquals(certificates.get(3), next.certificateNo());
        assertEquals(List.of("DEBIT 6411 " + interest, "CREDIT 2013 " + interest), Sql.journalLines(renewed.entryId()));
        assertEquals(renewed.entryId(), asUser.teller(() -> deposits.renew(sixMonths, renewal)).entryId(),
                "a replay answers the first renewal");

        // end of day has accrued the other one's overdue interest to 应付利息 (through the last day it covers)
        EndOfDayProducts products = Lookup.ejb("teller-ejb", EndOfDayProducts.class);
        assertEquals(1, asUser.supervisor(() -> products.process("overdue-accrual", interestInCash, today)).posted());
        assertEquals(0, asUser.supervisor(() -> products.process("overdue-accrual", interestInCash, today)).posted(),
                "accrued once");
        LocalDate through = Sql.date("SELECT overdue_accrued_through FROM term_deposit WHERE account_number = ?",
                interestInCash);
        BigDecimal accrued = new BigDecimal("10000").multiply(new BigDecimal("0.0035")).multiply(BigDecimal.valueOf(
                java.time.temporal.ChronoUnit.DAYS.between(start.plusMonths(3), through.plusDays(1))))
                .divide(new BigDecimal("360"), 2, java.math.RoundingMode.HALF_UP);
        assertEquals(accrued, Sql.scalar("SELECT overdue_accrued FROM term_deposit WHERE account_number = ?",
                interestInCash));
        DepositReceipt paid = asUser.teller(() -> deposits.renew(new TermDeposits.Renewing(interestInCash, null, null,
                false, certificates.get(4)), TestData.requestId("renew")));
        assertEquals(interest, paid.paidOut(), "the interest paid in cash");
        assertEquals("10000.00", paid.deposit().principal());
        assertEquals("TIME_3M", paid.deposit().product());
        assertEquals(List.of("DEBIT 2231 " + accrued, "DEBIT 6411 " + new BigDecimal(interest).subtract(accrued),
                "CREDIT 1001 " + interest), Sql.journalLines(paid.entryId()), "what was accrued is paid out of 应付利息");
        assertEquals(0, Sql.scalar("SELECT overdue_accrued FROM term_deposit WHERE account_number = ?", interestInCash)
                .signum(), "nothing owed any more");
    }

    private String openThreeMonths(CustomerView holder, String renewal, String settlement, String certificate)
            throws Exception {
        return asUser.teller(() -> deposits.open(new TermDeposits.Opening(holder.id(), "TIME_3M", "10000.00", null,
                renewal, settlement, certificate), TestData.requestId("open"))).accountNumber();
    }

    private ErrorCode refusedOpening(CustomerView holder, String product, String amount, String from, String certificate) {
        return refused(() -> deposits.open(new TermDeposits.Opening(holder.id(), product, amount, from, null, null,
                certificate), TestData.requestId("bad")));
    }

    private ErrorCode refused(AsUser.Work<?> work) {
        return assertThrows(TellerException.class, () -> asUser.teller(work)).code();
    }

    private static BigDecimal balance(String account) throws Exception {
        return Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account);
    }

    /** A top-level field of a JSON object as text (null when absent or null). */
    private static String field(String json, String name) {
        jakarta.json.JsonValue value = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject().get(name);
        return value == null || value.getValueType() == jakarta.json.JsonValue.ValueType.NULL ? null
                : value instanceof jakarta.json.JsonString text ? text.getString() : value.toString();
    }

    private void backdate(String number, LocalDate start, LocalDate maturity) throws Exception {
        Sql.update("UPDATE term_deposit SET term_start = ?, matures_on = ? WHERE account_number = ?", start, maturity,
                number);
        Sql.update("UPDATE account SET opened_on = ? WHERE account_number = ?", start, number);
    }

    private List<String> certificatesInTill(String teller, int count) throws Exception {
        return Counter.certificatesInTill(asUser, teller, count);
    }
}
