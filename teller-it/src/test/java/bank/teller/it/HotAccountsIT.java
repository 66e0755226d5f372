package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.BalanceView;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.HotAccounts;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Statements;
import bank.teller.account.application.Transfers;
import bank.teller.account.application.Vouchers;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hot accounts (热点账户, issue 14): credits to an account a supervisor marked hot are pending
 * credits, taken without its row lock and folded into its balance within a second; every reader
 * sees the folded-plus-pending balance, so no one ever sees a wrong figure, and a debit folds what
 * is pending before it checks the balance.
 */
@ExtendWith(ArquillianExtension.class)
class HotAccountsIT {

    private static final int PAYERS = 6;
    private static final int TRANSFERS_EACH = 15;

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("hot-accounts-it", HotAccountsIT.class, Https.class, Tokens.class);
    }

    @Inject
    AsUser asUser;

    private HotAccounts hot;
    private Transfers transfers;
    private CashDeposits deposits;
    private AccountQueries queries;

    @BeforeEach
    void lookUpServices() {
        hot = Lookup.ejb("teller-ejb", HotAccounts.class);
        transfers = Lookup.ejb("teller-ejb", Transfers.class);
        deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        queries = Lookup.ejb("teller-ejb", AccountQueries.class);
    }

    @Test
    void creditsToAHotAccountArePendingUntilFoldedAndEveryReaderSeesTheWholeBalance() throws Exception {
        String collection = companyAccount();
        List<String> payers = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            String payer = Counter.classOneAccount(asUser, "热点付款人");
            asUser.teller(() -> deposits.deposit(payer, "1000.00", "CNY", TestData.requestId("fund")));
            payers.add(payer);
        }
        markHot(collection, true);
        List<String> all = new ArrayList<>(payers);
        all.add(collection);
        BigDecimal total = total(all);

        // the payers transfer to the hot account all at once, while a reader keeps adding up every balance
        AtomicBoolean posting = new AtomicBoolean(true);
        ConcurrentLinkedQueue<BigDecimal> totalsSeen = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(PAYERS + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                while (posting.get()) {
                    totalsSeen.add(total(all));
                }
                return null;
            });
            List<Future<BigDecimal>> sent = new ArrayList<>();
            for (String payer : payers) {
                sent.add(pool.submit(() -> {
                    BigDecimal paid = BigDecimal.ZERO;
                    for (int i = 1; i <= TRANSFERS_EACH; i++) {
                        String amount = i + ".01";
                        Receipt receipt = asUser.teller(() -> transfers.transfer(payer, collection, amount, "CNY",
                                TestData.requestId("hot")));
                        assertNotNull(receipt.balanceAfter(), "the payer's balance after");
                        paid = paid.add(new BigDecimal(amount));
                    }
                    return paid;
                }));
            }
            BigDecimal paid = BigDecimal.ZERO;
            for (Future<BigDecimal> payer : sent) {
                paid = paid.add(payer.get(2, TimeUnit.MINUTES));
            }
            posting.set(false);
            reader.get(1, TimeUnit.MINUTES);

            assertTrue(totalsSeen.size() > 1, "the reader read while the transfers went in");
            totalsSeen.forEach(seen -> assertEquals(0, total.compareTo(seen),
                    "a reader saw " + seen + ", not " + total));
            assertEquals(0, paid.compareTo(balance(collection)), "the hot account's balance, pending credits included");
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) PAYERS * TRANSFERS_EACH, Sql.count(
                "SELECT COUNT(*) FROM journal_line WHERE account_number = ? AND balance_after IS NULL", collection),
                "every credit to the hot account was a pending credit");

        // folded within a second or so: nothing pending, the row alone is the balance
        awaitFolded(collection);
        assertEquals(0, balance(collection).compareTo(Sql.scalar(
                "SELECT balance FROM account WHERE account_number = ?", collection)));
        TrialBalanceReport report = asUser.supervisor(() -> Lookup.ejb("teller-ejb", TrialBalance.class).run(null));
        assertTrue(report.balanced(), report.report());
        LocalDate today = asUser.teller(() -> queries.account(collection)).openedOn();
        assertEquals(balance(collection).toPlainString(), asUser.teller(() -> Lookup.ejb("teller-ejb", Statements.class)
                .statement(collection, today, today)).closingBalance());
    }

    @Test
    void aDebitFoldsThePendingCreditsFirstAndADepositReceiptSaysItIsPending() throws Exception {
        String collection = companyAccount();
        markHot(collection, true);
        Receipt deposit = asUser.teller(() -> deposits.deposit(collection, "300.00", "CNY", TestData.requestId("hot")));
        assertNull(deposit.balanceAfter(), "a pending credit has no balance after yet");
        assertEquals("300.00", asUser.teller(() -> queries.account(collection)).balance());
        assertEquals("300.00", asUser.teller(() -> queries.account(collection)).availableBalance());
        assertTrue(asUser.teller(() -> Lookup.ejb("teller-ejb", Vouchers.class).print(deposit.voucherNo())).length > 0);

        // at once, folded or not yet: the pending credit is available, and not a fen more
        String supplier = Counter.classOneAccount(asUser, "供应商");
        TellerException refused = assertThrows(TellerException.class, () -> asUser.teller(
                () -> transfers.transfer(collection, supplier, "300.01", "CNY", TestData.requestId("hot"))));
        assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refused.code());
        assertEquals("300.00", refused.args().get(1), "available");
        Receipt paid = asUser.teller(() -> transfers.transfer(collection, supplier, "100.00", "CNY",
                TestData.requestId("hot")));
        assertEquals(asUser.teller(() -> queries.account(collection)).balance(), paid.balanceAfter());
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM pending_credit WHERE account_number = ?", collection),
                "the debit folded the pending credit under the account's lock");
    }

    @Test
    void aSupervisorMarksAndUnmarksWithAReasonUnmarkingFoldsAndClassTwoCannotBeHot() throws Exception {
        String collection = companyAccount();
        markHot(collection, true);
        asUser.teller(() -> deposits.deposit(collection, "50.00", "CNY", TestData.requestId("hot")));
        markHot(collection, false);
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM pending_credit WHERE account_number = ?", collection));
        assertEquals(new BigDecimal("50.00"),
                Sql.scalar("SELECT balance FROM account WHERE account_number = ?", collection));
        Receipt locked = asUser.teller(() -> deposits.deposit(collection, "5.00", "CNY", TestData.requestId("hot")));
        assertEquals("55.00", locked.balanceAfter(), "no longer hot: the credit changes the row under its lock");
        assertEquals(List.of("ACCOUNT_MARKED_HOT", "ACCOUNT_UNMARKED_HOT"), Sql.strings(
                "SELECT action FROM audit_record WHERE subject = ? AND action LIKE 'ACCOUNT_%HOT' ORDER BY id",
                collection));

        // through the API, as a supervisor of its own (a session of its own)
        String supervisor = TestUsers.create("SUPERVISOR");
        String classTwo = Counter.open(asUser, Counter.individual(asUser, "二类户"), "INDIVIDUAL_II", null);
        HttpResponse<String> refused = Https.putJson("/api/v1/accounts/" + classTwo + "/hot",
                supervisor, TestUsers.PASSWORD, "{\"hot\":true,\"reason\":\"收款\"}");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("HOT_ACCOUNT_NOT_ALLOWED"), refused.body());
        HttpResponse<String> noReason = Https.putJson("/api/v1/accounts/" + collection + "/hot",
                supervisor, TestUsers.PASSWORD, "{\"hot\":true}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        HttpResponse<String> marked = Https.putJson("/api/v1/accounts/" + collection + "/hot",
                supervisor, TestUsers.PASSWORD, "{\"hot\":true,\"reason\":\"收款\"}");
        assertEquals(200, marked.statusCode(), marked.body());
        assertTrue(marked.body().contains("\"hot\":true"), marked.body());
        HttpResponse<String> listed = Https.get("/api/v1/accounts/hot", supervisor, TestUsers.PASSWORD);
        assertTrue(listed.body().contains(collection), listed.body());
        // only true or false: JSON-B alone would read "yes" as false, and unmark it
        HttpResponse<String> yes = Https.putJson("/api/v1/accounts/" + collection + "/hot",
                supervisor, TestUsers.PASSWORD, "{\"hot\":\"yes\",\"reason\":\"收款\"}");
        assertEquals(400, yes.statusCode(), yes.body());
        assertTrue(yes.body().contains("VALIDATION_FAILED"), yes.body());
        assertTrue(asUser.supervisor(() -> hot.list()).stream().anyMatch(h -> h.accountNumber().equals(collection)),
                "still hot");
    }

    private String companyAccount() throws Exception {
        return Counter.open(asUser, Counter.company(asUser, "热点收款公司"), "CORPORATE_GENERAL", null);
    }

    private void markHot(String account, boolean on) throws Exception {
        assertEquals(on, asUser.supervisor(() -> hot.mark(account, on, "代收水费 collections")).hot());
        assertEquals(on, asUser.supervisor(() -> hot.list()).stream().anyMatch(h -> h.accountNumber().equals(account)));
    }

    private BigDecimal balance(String account) throws Exception {
        return new BigDecimal(asUser.teller(() -> queries.account(account)).balance());
    }

    /** Every balance of {@code accounts}, as one reader reads them at once. */
    private BigDecimal total(List<String> accounts) throws Exception {
        return asUser.teller(() -> queries.balances(accounts)).stream().map(BalanceView::balance).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void awaitFolded(String account) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Sql.count("SELECT COUNT(*) FROM pending_credit WHERE account_number = ?", account) > 0) {
            assertTrue(System.nanoTime() < until, "pending credits not folded");
            Thread.sleep(100);
        }
    }
}
