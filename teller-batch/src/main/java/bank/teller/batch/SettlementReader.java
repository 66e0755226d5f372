package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import bank.teller.deposit.application.DemandInterest.SettlementItem;
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
 * Reads a partition's interest periods due for settlement, a page at a time. A period leaves the
 * due ones when it is settled (each in its own transaction), so a restart reads the partition from
 * its start again and finds only what is left: no checkpoint is needed, and a failed one is tried again.
 */
@Named
@Dependent
public class SettlementReader extends AbstractItemReader {

    static final int PAGE = 200;

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

    private final Deque<SettlementItem> page = new ArrayDeque<>();
    private SettlementItem last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        work.begin(new StepRow(job.getInstanceId(), step.getStepName(), Integer.parseInt(partition)),
                EndOfDayRun.closing(job), work.countDue(after, end(), EndOfDayRun.closing(job)));
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(work.settlementPage(last, after, end(), EndOfDayRun.closing(job), PAGE));
            exhausted = page.size() < PAGE;
        }
        SettlementItem item = page.poll();
        if (item != null) {
            last = item;
        }
        return item;
    }

    private String end() {
        return upTo == null || upTo.isEmpty() ? null : upTo;
    }
}
