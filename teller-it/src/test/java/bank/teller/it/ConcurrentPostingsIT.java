package bank.teller.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Transfers;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many tellers at once on the same accounts (after Jepsen's bank workload): 16 threads post random
 * deposits, withdrawals and transfers among 50 accounts while readers check every balance; money is
 * neither created nor lost, no balance goes negative, every entry balances, subledger equals GL.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentPostingsIT {

    private static final int ACCOUNTS = 50;
    private static final int WRITERS = 16;
    private static final int OPERATIONS_PER_WRITER = 40;
    private static final long OPENING_FEN = 100_000; // 1,000.00 per account

    @Deployment
    static WebArchive deployment() {
        return InContainer.testWar("concurrent-postings-it", ConcurrentPostingsIT.class);
    }

    @Inject
    AsUser asUser;

    @Test
    void randomPostingsByManyTellersConserveMoneyAndKeepTheBooksBalanced() throws Exception {
        List<String> accounts = openAccounts();
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        CashWithdrawals withdrawals = Lookup.ejb("teller-ejb", CashWithdrawals.class);
        Transfers transfers = Lookup.ejb("teller-ejb", Transfers.class);

        AtomicLong expectedFen = new AtomicLong(OPENING_FEN * ACCOUNTS);
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> violations = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        String inList = inList(accounts);

        writeWhileReading(() -> {
            long negative = Sql.count("SELECT COUNT(*) FROM account WHERE balance < 0 AND account_number IN " + inList);
            if (negative > 0) {
                synchronized (violations) {
                    violations.add(negative + " negative balance(s)");
                }
            }
            reads.incrementAndGet();
        }, () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String a = accounts.get(random.nextInt(ACCOUNTS));
            String b = accounts.get(random.nextInt(ACCOUNTS));
            long fen = 1 + random.nextLong(30_000);
            String amount = BigDecimal.valueOf(fen, 2).toPlainString();
            String key = TestData.requestId("load");
            try {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        asUser.teller(() -> deposits.deposit(a, amount, "CNY", key));
                        expectedFen.addAndGet(fen);
                    }
                    case 1 -> {
                        asUser.teller(() -> withdrawals.withdraw(a, amount, "CNY", key));
                        expectedFen.addAndGet(-fen);
                    }
                    default -> {
                        if (a.equals(b)) {
                            return;
                        }
                        asUser.teller(() -> transfers.transfer(a, b, amount, "CNY", key));
                    }
                }
                posted.incrementAndGet();
            } catch (TellerException e) {
                if (e.code() != ErrorCode.INSUFFICIENT_FUNDS) {
                    throw e;
                }
                refused.incrementAndGet();
            }
        });

        System.out.printf("concurrent postings: %d posted, %d refused for funds, %d reads%n", posted.get(), refused.get(), reads.get());
        assertTrue(violations.isEmpty(), violations.toString());
        assertTrue(posted.get() > WRITERS * OPERATIONS_PER_WRITER / 2, "too few postings went through: " + posted.get());
        assertEquals(BigDecimal.valueOf(expectedFen.get(), 2),
                Sql.scalar("SELECT SUM(balance) FROM account WHERE account_number IN " + inList));
        assertBooksBalance();
    }

    @Test
    void transfersAloneNeverChangeTheTotalSeenByAnyReader() throws Exception {
        List<String> accounts = openAccounts();
        Transfers transfers = Lookup.ejb("teller-ejb", Transfers.class);
        BigDecimal total = BigDecimal.valueOf(OPENING_FEN * ACCOUNTS, 2);
        String inList = inList(accounts);
        Set<BigDecimal> totalsSeen = ConcurrentHashMap.newKeySet();

        writeWhileReading(
                // one statement reads one consistent snapshot of all the balances
                () -> totalsSeen.add(Sql.scalar("SELECT SUM(balance) FROM account WHERE account_number IN " + inList)),
                () -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String a = accounts.get(random.nextInt(ACCOUNTS));
                    String b = accounts.get(random.nextInt(ACCOUNTS));
                    String amount = BigDecimal.valueOf(1 + random.nextLong(50_000), 2).toPlainString();
                    if (!a.equals(b)) {
                        try {
                            asUser.teller(() -> transfers.transfer(a, b, amount, "CNY", TestData.requestId("move")));
                        } catch (TellerException e) {
                            if (e.code() != ErrorCode.INSUFFICIENT_FUNDS) {
                                throw e;
                            }
                        }
                    }
                });
        assertEquals(Set.of(total), totalsSeen);
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM account WHERE balance < 0"));
        assertBooksBalance();
    }

    @Test
    void theSameRequestSentFiveTimesAtOnceIsPostedOnce() throws Exception {
        String account = openAccounts(1).get(0);
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        String key = TestData.requestId("same");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        Set<Long> entries = ConcurrentHashMap.newKeySet();
        AtomicInteger inProgress = new AtomicInteger();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    try {
                        Receipt receipt = asUser.teller(() -> deposits.deposit(account, "77.77", "CNY", key));
                        entries.add(receipt.entryId());
                    } catch (TellerException e) {
                        // a duplicate that waited for the first one to commit; asking again gives its receipt
                        assertEquals(ErrorCode.REQUEST_IN_PROGRESS, e.code());
                        inProgress.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        entries.add(asUser.teller(() -> deposits.deposit(account, "77.77", "CNY", key)).entryId());
        assertEquals(1, entries.size(), "receipts of different entries: " + entries);
        assertEquals(new BigDecimal("1077.77"), Sql.scalar("SELECT balance FROM account WHERE account_number = ?", account));
        assertEquals(2, Sql.count("SELECT COUNT(*) FROM journal_line WHERE account_number = ?", account));
    }

    /** One step of a reader or a writer. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs WRITERS threads, each taking OPERATIONS_PER_WRITER {@code write} steps from a common start,
     * while two readers repeat {@code read} until the last writer is done; fails on any error.
     */
    private static void writeWhileReading(Step read, Step write) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        read.run();
                    }
                    return null;
                }));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
                        write.run();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(10, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> openAccounts() throws Exception {
        return openAccounts(ACCOUNTS);
    }

    /** New accounts, each with an opening cash deposit of 1,000.00. */
    private List<String> openAccounts(int count) throws Exception {
        CashDeposits deposits = Lookup.ejb("teller-ejb", CashDeposits.class);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = Counter.classOneAccount(asUser, "并发客户");
            asUser.teller(() -> deposits.deposit(number, BigDecimal.valueOf(OPENING_FEN, 2).toPlainString(), "CNY",
                    TestData.requestId("opening")));
            accounts.add(number);
        }
        return accounts;
    }

    private void assertBooksBalance() throws Exception {
        TrialBalanceReport report = asUser.supervisor(() -> Lookup.ejb("teller-ejb", TrialBalance.class).run(null));
        assertTrue(report.balanced(), report.report());
    }

    private static String inList(List<String> accounts) {
        return "('" + String.join("', '", accounts) + "')";
    }
}
