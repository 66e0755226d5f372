package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.payment.application.CollectionViews;
import bank.teller.payment.application.Collections;
import bank.teller.payment.domain.CsvLines;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Collections for companies (代收, issue 17): an agreement, its bill list with bad rows reported by
 * line and the good ones loaded, a bill paid at the counter in cash and another by transfer, each
 * once (a replay answers the first receipt, a second payment is refused), and the company's daily file.
 */
@ExtendWith(ArquillianExtension.class)
class CollectionsIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("collections-it", CollectionsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private Collections collections;

    @BeforeEach
    void lookUpServices() {
        collections = Lookup.ejb("teller-ejb", Collections.class);
    }

    @Test
    void aBillListIsLoadedRowByRowAndEachBillIsPaidOnceInCashOrByTransfer() throws Exception {
        String company = Counter.open(asUser, Counter.company(asUser, "自来水公司"), "CORPORATE_BASIC", null);
        String code = "W" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Collections.AgreementRequest terms = new Collections.AgreementRequest(code, "自来水公司水费", "utility", company);
        assertThrows(EJBAccessException.class, () -> asUser.teller(() -> collections.sign(terms)),
                "a supervisor signs agreements");
        CollectionViews.Agreement agreement = asUser.supervisor(() -> collections.sign(terms));
        assertEquals("UTILITY", agreement.category());
        assertEquals(agreement, asUser.supervisor(() -> collections.sign(terms)), "signed again: the same agreement");
        assertEquals(ErrorCode.COLLECTION_AGREEMENT_EXISTS, assertThrows(TellerException.class, () -> asUser.supervisor(
                () -> collections.sign(new Collections.AgreementRequest(code, "另一家", "FEE", company)))).code());

        String list = "\uFEFFbill_ref,payer_name,amount,due_date\n"
                + "B001,张三,88.50,2026-12-31\n"
                + "B002,李四,120.00,\n"
                + "B003,王五,-5.00,2026-12-31\n"
                + "B 4,赵六,10.00,2026-12-31\n"
                + "B005,钱七,10.005,2026-12-31\n"
                + "B006,孙八,10.00,31/12/2026\n"
                + "B001,张三,88.50,2026-12-31\n"
                + "B007,周九\n"
                + "B008,吴十,66.00,2026-12-31\n";
        CollectionViews.LoadReport report = asUser.supervisor(() -> collections.load(code, list));
        assertEquals(9, report.rows());
        assertEquals(3, report.accepted(), report.toString());
        assertEquals(List.of("4 AMOUNT_INVALID", "5 BILL_REF_INVALID", "6 AMOUNT_INVALID", "7 DUE_DATE_INVALID",
                "8 BILL_DUPLICATE", "9 ROW_MALFORMED"), report.refused().stream()
                .map(r -> r.line() + " " + r.code()).toList(), "each bad row by its line in the file");
        CollectionViews.LoadReport again = asUser.supervisor(() -> collections.load(code,
                "bill_ref,payer_name,amount\nB002,李四,120.00\nB009,郑十一,9.90\n"));
        assertEquals(1, again.accepted());
        assertEquals(List.of(new CsvLines.Refusal(2, "BILL_DUPLICATE", "B002 is already on agreement " + code)),
                again.refused(), "a bill the agreement has is not loaded twice");
        assertEquals(List.of(new CsvLines.Refusal(1, "HEADER_INVALID",
                "the header must be bill_ref,payer_name,amount,due_date (due_date optional)")),
                asUser.supervisor(() -> collections.load(code, "ref;name;amount\nB010;x;1.00\n")).refused());

        long entries = Sql.count("SELECT COUNT(*) FROM journal_entry");
        String cashRequest = TestData.requestId("collect");
        CollectionViews.Payment inCash = asUser.teller(() -> collections.pay(
                new Collections.PaymentRequest(code, "B001", "CASH", null), cashRequest));
        assertEquals("PAID", inCash.bill().status());
        assertEquals("88.50", inCash.receipt().amount());
        assertTrue(inCash.receipt().voucherNo() != null, "a receipt voucher is printed");
        assertEquals(List.of("DEBIT 1001 88.50", "CREDIT 2012 88.50"), Sql.journalLines(inCash.receipt().entryId()));
        assertEquals(inCash.receipt(), asUser.teller(() -> collections.pay(
                new Collections.PaymentRequest(code, "B001", "CASH", null), cashRequest)).receipt(),
                "a replay answers the first receipt");
        assertEquals(ErrorCode.COLLECTION_BILL_PAID, refused(new Collections.PaymentRequest(code, "B001", "CASH", null)),
                "paid twice: refused");

        String payer = Counter.classOneAccount(asUser, "缴费人");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(payer, "100.00", "CNY",
                TestData.requestId("fund")));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refused(new Collections.PaymentRequest(code, "B002", "TRANSFER", payer)));
        assertEquals("OPEN", asUser.teller(() -> collections.bill(code, "B002")).status(), "a refused payment pays nothing");
        CollectionViews.Payment byTransfer = asUser.teller(() -> collections.pay(
                new Collections.PaymentRequest(code, "B008", "TRANSFER", payer), TestData.requestId("collect")));
        assertEquals(payer, byTransfer.bill().paidFrom());
        assertEquals(List.of("DEBIT 2011 66.00", "CREDIT 2012 66.00"), Sql.journalLines(byTransfer.receipt().entryId()));
        assertEquals(ErrorCode.COLLECTION_BILL_PAID, refused(new Collections.PaymentRequest(code, "B008", "CASH", null)));
        assertEquals(ErrorCode.COLLECTION_BILL_NOT_FOUND, refused(new Collections.PaymentRequest(code, "B404", "CASH", null)));
        assertEquals(ErrorCode.VALIDATION_FAILED, refused(new Collections.PaymentRequest(code, "B009", "CHEQUE", null)));
        assertEquals(entries + 3, Sql.count("SELECT COUNT(*) FROM journal_entry"), "two payments and the payer's deposit");
        assertEquals(new BigDecimal("154.50"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", company));

        String file = asUser.supervisor(() -> collections.dailyFile(code, null));
        List<String> rows = file.lines().toList();
        assertEquals("\uFEFFagreement,bill_ref,payer_name,amount,method,paid_from,business_date,paid_at", rows.get(0));
        assertEquals(3, rows.size(), file);
        assertTrue(rows.get(1).startsWith(code + ",B001,张三,88.50,CASH,,"), rows.get(1));
        assertTrue(rows.get(2).startsWith(code + ",B008,吴十,66.00,TRANSFER," + payer + ","), rows.get(2));
    }

    private ErrorCode refused(Collections.PaymentRequest request) {
        return assertThrows(TellerException.class, () -> asUser.teller(() -> collections.pay(request,
                TestData.requestId("collect")))).code();
    }
}
