package bank.teller.account.application;

import bank.teller.account.domain.AccountNumber;
import bank.teller.shared.BeanTransactions;
import bank.teller.shared.NextRun;
import bank.teller.shared.RepeatedFailures;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Folds hot accounts' pending credits into their balance rows (热点账户轧差入账), a fifth of a second
 * after each run: each account in a transaction of its own, under its row's lock, all its committed
 * pending credits at once. So a hot account's row lock is taken a few times a second by this step,
 * not once per credit by every posting; a debit folds what is pending itself when it locks the row.
 * A failure is reported once per distinct reason ({@link RepeatedFailures}); what was not folded
 * waits for the next run, and every reader counts it meanwhile.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class PendingCreditFolder {

    static final long PERIOD_MILLIS = 200;
    /** Accounts folded in one run at most; the rest in the next. */
    static final int ACCOUNTS_PER_RUN = 100;
    private static final String RUN = "pending credit folder";
    private static final Logger LOG = Logger.getLogger(PendingCreditFolder.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Resource
    private UserTransaction tx;
    @Resource
    private TimerService timers;

    private final Clock clock = Clock.systemUTC();
    private final RepeatedFailures failures = new RepeatedFailures(RUN, clock);
    private final NextRun nextRun = new NextRun(RUN, PERIOD_MILLIS, clock);

    @PostConstruct
    void start() {
        nextRun.time(timers);
    }

    @Timeout
    void fold() {
        nextRun.run(timers, this::foldPending);
    }

    @AccessTimeout(-1) // waits for a long run to end (a backlog drained), not 5 s and an error
    @Schedule(hour = "*", minute = "*", persistent = false, info = "pending credit folder watch")
    void watch() {
        nextRun.watch(timers);
    }

    /** Folds what is pending, account by account; returns how many pending credits were folded. */
    public int foldPending() {
        List<String> numbers;
        try {
            numbers = BeanTransactions.inTransaction(tx, () -> em.createQuery(
                    "SELECT DISTINCT p.accountNumber FROM PendingCredit p", String.class)
                    .setMaxResults(ACCOUNTS_PER_RUN).getResultList());
        } catch (Exception e) {
            report(e);
            return 0;
        }
        int folded = 0;
        for (String number : numbers) {
            try {
                folded += BeanTransactions.inTransaction(tx, () -> accounts.foldPendingCredits(new AccountNumber(number)));
                failures.succeeded().ifPresent(LOG::info);
            } catch (Exception e) {
                report(e);
            }
        }
        return folded;
    }

    private void report(Exception failure) {
        failures.failed(RepeatedFailures.reason(failure)).ifPresent(LOG::warning);
    }
}
