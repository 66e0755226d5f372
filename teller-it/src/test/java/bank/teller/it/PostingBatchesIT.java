package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Group commit (issue 14, {@code PostingBatches}): postings that arrive together share a transaction,
 * each is answered with its own receipt, and one that is refused does not fail the others.
 */
@ExtendWith(ArquillianExtension.class)
class PostingBatchesIT {

    private static final int AT_ONCE = 16;
    private static final int ROUNDS = 3;

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("posting-batches-it", PostingBatchesIT.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void postingsThatArriveTogetherShareACommitAndEachHasItsOwnReceipt() throws Exception {
        List<String> accounts = openAccounts(AT_ONCE);
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        Set<Long> entries = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < ROUNDS; round++) {
            List<Callable<Object>> calls = new ArrayList<>();
            for (String account : accounts) {
                calls.add(() -> {
                    Receipt receipt = asUser.teller(() -> deposits.deposit(account, "10.00", "CNY",
                            TestData.requestId("together")));
                    assertEquals(account, receipt.accountNumber());
                    entries.add(receipt.entryId());
                    return null;
                });
            }
            atOnce(calls);
        }
        assertEquals(AT_ONCE * ROUNDS, entries.size(), "one entry per posting");
        for (String account : accounts) {
            assertEquals(new BigDecimal("130.00"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account));
            assertEquals(1 + ROUNDS, Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", account));
        }
        String ids = entries.stream().map(String::valueOf).collect(Collectors.joining(","));
        long transactions = Sql.count("SELECT COUNT(DISTINCT xmin::text) FROM journal_entry WHERE id IN (" + ids + ")");
        System.out.printf("posting batches: %d postings in %d transactions%n", entries.size(), transactions);
        assertTrue(transactions < entries.size(), "postings that arrived together were committed one by one");
    }

    @Test
    void aRefusedPostingDoesNotFailThePostingsThatShareItsBatch() throws Exception {
        List<String> accounts = openAccounts(AT_ONCE);
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        CashWithdrawals withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
        Set<Long> entries = ConcurrentHashMap.newKeySet();
        Set<String> refusals = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < ROUNDS; round++) {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                String account = accounts.get(i);
                String key = TestData.requestId("mixed");
                calls.add(i % 2 == 0
                        ? () -> entries.add(asUser.teller(() -> deposits.deposit(account, "10.00", "CNY", key)).entryId())
                        : () -> {
                            try {
                                asUser.teller(() -> withdrawals.withdraw(account, "1000.00", "CNY", key));
                            } catch (TellerException refused) {
                                assertEquals(ErrorCode.INSUFFICIENT_FUNDS, refused.code());
                                refusals.add(key);
                            }
                            return null;
                        });
            }
            atOnce(calls);
        }
        assertEquals(AT_ONCE / 2 * ROUNDS, entries.size(), "every deposit posted once");
        assertEquals(AT_ONCE / 2 * ROUNDS, refusals.size(), "every overdraft refused");
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            assertEquals(i % 2 == 0 ? new BigDecimal("130.00") : new BigDecimal("100.00"),
                    Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account), account);
            assertEquals(i % 2 == 0 ? 1 + ROUNDS : 1,
                    Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", account), account);
        }
    }

    private List<String> openAccounts(int count) throws Exception {
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = Counter.classOneAccount(asUser, "批量客户");
            asUser.teller(() -> deposits.deposit(number, "100.00", "CNY", TestData.requestId("opening")));
            accounts.add(number);
        }
        return accounts;
    }

    /** Runs {@code calls} from a common start and fails on the first that failed. */
    private static void atOnce(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> running = new ArrayList<>();
            for (Callable<Object> call : calls) {
                running.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<Object> call : running) {
                call.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
