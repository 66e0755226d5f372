package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a partition's accounts due a statement, a page at a time in number order, on the month's
 * last business day (on any other day there are none); its checkpoint is the last account read.
 */
@Named
@Dependent
public class StatementReader extends AbstractItemReader {

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

    private final Deque<String> page = new ArrayDeque<>();
    private LocalDate from;
    private LocalDate to;
    private String last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        to = EndOfDayRun.closing(job);
        from = work.statementPeriodStart(to);
        exhausted = from == null;
        work.begin(new StepRow(job.getInstanceId(), step.getStepName(), Integer.parseInt(partition)), to,
                exhausted ? 0 : work.countStatements(after, end(), from, to));
        last = checkpoint == null ? after : (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(work.statementPage(last, end(), from, to, PAGE));
            exhausted = page.size() < PAGE;
        }
        String account = page.poll();
        if (account != null) {
            last = account;
        }
        return account;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }

    private String end() {
        return upTo == null || upTo.isEmpty() ? null : upTo;
    }
}
