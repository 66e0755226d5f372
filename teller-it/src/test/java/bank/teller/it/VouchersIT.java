package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Transfers;
import bank.teller.account.application.Vouchers;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.voucher.domain.VoucherContent;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every counter posting gets a voucher numbered branch-date-till-sequence, unique and without gaps. */
@ExtendWith(ArquillianExtension.class)
class VouchersIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("vouchers-it", VouchersIT.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void aDepositsVoucherIsNumberedForTheTillAndAReplayGetsTheSameOne() throws Exception {
        String account = Counter.classOneAccount(asUser, "凭证客户");
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        Vouchers vouchers = Lookup.ejb("teller-ejb", Vouchers.class);
        String key = TestData.requestId("dep");
        Receipt receipt = asUser.teller(() -> deposits.deposit(account, "321.00", "CNY", key));
        String today = Sql.businessDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        assertTrue(receipt.voucherNo().matches("0001-" + today + "-001-\\d{6}"), receipt.voucherNo());
        assertEquals(receipt.voucherNo(), asUser.teller(() -> deposits.deposit(account, "321.00", "CNY", key)).voucherNo());
        Receipt next = asUser.teller(() -> deposits.deposit(account, "1.00", "CNY", TestData.requestId("dep")));
        assertTrue(sequence(next.voucherNo()) > sequence(receipt.voucherNo()));

        VoucherContent voucher = asUser.teller(() -> vouchers.voucher(receipt.voucherNo()));
        assertEquals("321.00", voucher.amount());
        assertEquals("凭证客户", voucher.holderName());
        assertEquals(account.substring(0, 6) + "******" + account.substring(12), voucher.accountMasked());
        assertNull(voucher.confirmedAt());
        String otherTeller = TestUsers.create("TELLER");
        assertEquals(ErrorCode.VOUCHER_NOT_YOURS, assertThrows(TellerException.class, () -> asUser.as(otherTeller,
                TestUsers.PASSWORD, () -> vouchers.confirm(receipt.voucherNo()))).code(),
                "another teller cannot record this customer's confirmation");
        assertNull(asUser.teller(() -> vouchers.voucher(receipt.voucherNo())).confirmedAt());
        VoucherContent confirmed = asUser.teller(() -> vouchers.confirm(receipt.voucherNo()));
        assertEquals(AsUser.TELLER, confirmed.confirmedBy());
        assertEquals(ErrorCode.VOUCHER_ALREADY_CONFIRMED, assertThrows(TellerException.class,
                () -> asUser.teller(() -> vouchers.confirm(receipt.voucherNo()))).code());
        assertEquals(ErrorCode.VOUCHER_NOT_FOUND, assertThrows(TellerException.class,
                () -> asUser.teller(() -> vouchers.voucher("0001-20000101-001-000001"))).code());
    }

    @Test
    void aSupervisorOfTheBranchMayRecordTheConfirmationOfATellersVoucher() throws Exception {
        String account = Counter.classOneAccount(asUser, "确认客户");
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        Vouchers vouchers = Lookup.ejb("teller-ejb", Vouchers.class);
        Receipt receipt = asUser.teller(() -> deposits.deposit(account, "5.00", "CNY", TestData.requestId("dep")));
        assertEquals(AsUser.SUPERVISOR, asUser.supervisor(() -> vouchers.confirm(receipt.voucherNo())).confirmedBy());
    }

    @Test
    void aSupervisorsPostingUsesTheSupervisorsTillAndATransferNamesTheCounterparty() throws Exception {
        String payer = Counter.classOneAccount(asUser, "付款人");
        String payee = Counter.classOneAccount(asUser, "收款人");
        asUser.teller(() -> Lookup.ejb("teller-ejb", CashDeposits.class).deposit(payer, "100.00", "CNY",
                TestData.requestId("dep")));
        Receipt receipt = asUser.supervisor(() -> Lookup.ejb("teller-ejb", Transfers.class)
                .transfer(payer, payee, "40.00", "CNY", TestData.requestId("tr")));
        assertTrue(receipt.voucherNo().contains("-901-"), receipt.voucherNo());
        VoucherContent voucher = asUser.supervisor(() -> Lookup.ejb("teller-ejb", Vouchers.class).voucher(receipt.voucherNo()));
        assertEquals("收款人", voucher.counterpartyName());
        assertEquals("60.00", voucher.balanceAfter());
    }

    @Test
    void concurrentPostingsAtOneTillGetConsecutiveNumbersWithoutGapsOrDuplicates() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(Counter.classOneAccount(asUser, "并发凭证"));
        }
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        int postings = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < postings; i++) {
                String account = accounts.get(i % accounts.size());
                calls.add(pool.submit(() -> {
                    start.await();
                    numbers.add(asUser.teller(() -> deposits.deposit(account, "1.00", "CNY", TestData.requestId("c")))
                            .voucherNo());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(postings, numbers.size(), "no two postings share a number");
        TreeSet<Integer> sequences = new TreeSet<>();
        numbers.forEach(n -> sequences.add(sequence(n)));
        // other tests post at the same till meanwhile, so these are not all consecutive; none is used twice
        assertEquals(postings, sequences.size());
        assertEquals(Sql.count("SELECT COUNT(*) FROM voucher WHERE till_code = '001' AND business_date = "
                + "(SELECT business_date FROM business_day WHERE id = 1)"), Sql.count("SELECT MAX(last_value) FROM "
                + "voucher_sequence WHERE till_code = '001' AND business_date = (SELECT business_date FROM business_day "
                + "WHERE id = 1)"), "every number up to the last one issued today belongs to a voucher: no gaps");
    }

    private static int sequence(String voucherNo) {
        return Integer.parseInt(voucherNo.substring(voucherNo.lastIndexOf('-') + 1));
    }
}
