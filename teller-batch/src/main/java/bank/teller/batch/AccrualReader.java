package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import bank.teller.deposit.application.DemandInterest.AccrualItem;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a partition's accounts that earn demand interest, a page at a time in account-number
 * order; its checkpoint is the last account read, so a restart goes on after the last chunk that
 * committed.
 */
@Named
@Dependent
public class AccrualReader extends AbstractItemReader {

    static final int PAGE = 500;

    @Inject
    private JobContext job;
    @Inject
    private StepContext step;
    @Inject
    @BatchProperty
    private String after;
    @Inject
    @BatchProperty
    private String upTo;
    @Inject
    @BatchProperty
    private String partition;
    @EJB
    private EndOfDayWork work;

    private final Deque<AccrualItem> page = new ArrayDeque<>();
    private String last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        String end = upTo == null || upTo.isEmpty() ? null : upTo;
        work.begin(new StepRow(job.getInstanceId(), step.getStepName(), Integer.parseInt(partition)),
                EndOfDayRun.closing(job), work.countEarning(after, end));
        last = checkpoint == null ? after : (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            String end = upTo == null || upTo.isEmpty() ? null : upTo;
            page.addAll(work.accrualPage(last, end, PAGE));
            exhausted = page.size() < PAGE;
        }
        AccrualItem item = page.poll();
        if (item != null) {
            last = item.accountNumber();
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
