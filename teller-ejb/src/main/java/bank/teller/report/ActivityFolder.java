package bank.teller.report;

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
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Folds the postings' activity deltas into the dashboards' summary tables ({@link Activity#fold}) a
 * second after each run, each batch in a transaction of its own; end of day folds what is left before
 * it keeps the day's figures. A failure is reported once per distinct reason; what was not folded
 * waits for the next run.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class ActivityFolder {

    static final long PERIOD_MILLIS = 1000;
    private static final String RUN = "activity folder";
    private static final Logger LOG = Logger.getLogger(ActivityFolder.class.getName());

    @Inject
    private Activity activity;
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
    void run() {
        nextRun.run(timers, this::foldAll);
    }

    @AccessTimeout(-1) // waits for a long run to end, not 5 s and an error
    @Schedule(hour = "*", minute = "*", persistent = false, info = "activity folder watch")
    void watch() {
        nextRun.watch(timers);
    }

    /** Folds every delta committed so far; answers how many it folded. */
    @AccessTimeout(-1)
    public int foldAll() {
        int folded = 0;
        try {
            int batch;
            do {
                batch = BeanTransactions.inTransaction(tx, activity::fold);
                folded += batch;
            } while (batch == Activity.FOLD_MAX);
            failures.succeeded().ifPresent(LOG::info);
        } catch (Exception e) {
            failures.failed(RepeatedFailures.reason(e)).ifPresent(LOG::warning);
        }
        return folded;
    }
}
