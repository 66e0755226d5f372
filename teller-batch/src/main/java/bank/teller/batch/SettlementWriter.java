package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import bank.teller.deposit.application.DemandInterest.SettlementItem;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles each period of a chunk in a transaction of its own: an account whose settlement fails
 * (closed meanwhile, a lock that timed out) is counted failed with the reason, logged, and left due
 * for a restart; the others are posted.
 */
@Named
@Dependent
public class SettlementWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(SettlementWriter.class.getName());

    @Inject
    private JobContext job;
    @Inject
    private StepContext step;
    @Inject
    @BatchProperty
    private String partition;
    @EJB
    private EndOfDayWork work;

    @Override
    public void writeItems(List<Object> items) {
        LocalDate closing = EndOfDayRun.closing(job);
        StepRow row = new StepRow(job.getInstanceId(), step.getStepName(), Integer.parseInt(partition));
        for (Object item : items) {
            SettlementItem due = (SettlementItem) item;
            try {
                work.settle(due, closing, row);
            } catch (RuntimeException failed) {
                String reason = due.accountNumber() + ": " + EndOfDayRun.reason(failed);
                LOG.log(Level.WARNING, "interest settlement failed for " + due, failed);
                work.count(row, 1, 0, 0, 1, reason);
            }
        }
    }
}
