package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the items of one partition's range of accounts ({@link AccountPartitions}) a page at a time,
 * in account order, after beginning the partition's row of the run's report with how many there are.
 * A reader whose items stay to be read until they are done checkpoints the last one read, so a
 * restart goes on after the last chunk that committed; one whose items leave when done reads the
 * range from its start again and finds only what is left.
 *
 * @param <T> the item
 */
public abstract class AccountRangeReader<T> extends AbstractItemReader {

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
    protected EndOfDayWork work;

    private final Deque<T> page = new ArrayDeque<>();
    private T last;
    private Serializable resumeAfter;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        LocalDate closing = EndOfDayRun.closing(job);
        long total = total(closing, after, end());
        exhausted = total == 0;
        work.begin(row(job, step, partition), closing, total);
        resumeAfter = checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(page(EndOfDayRun.closing(job), last, resumeAfter == null ? after : (String) resumeAfter, end(),
                    pageSize()));
            exhausted = page.size() < pageSize();
        }
        T item = page.poll();
        if (item != null) {
            last = item;
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return last == null ? resumeAfter : checkpointOf(last);
    }

    /** The partition's row in the run's report. */
    static StepRow row(JobContext job, StepContext step, String partition) {
        return new StepRow(job.getInstanceId(), step.getStepName(), Integer.parseInt(partition));
    }

    private String end() {
        return upTo == null || upTo.isEmpty() ? null : upTo;
    }

    /** How many items the range holds ({@code after} excluded, {@code upTo} included, null: open), 0 for none today. */
    protected abstract long total(LocalDate closing, String after, String upTo);

    /**
     * The next {@code max} items: after {@code last} (the last read), or when none was read yet,
     * after the account {@code after} (the range's start, or the checkpoint of a restart).
     */
    protected abstract List<T> page(LocalDate closing, T last, String after, String upTo, int max);

    protected abstract int pageSize();

    /** What a restart goes on after: the last item's account, or null to read the range again. */
    protected abstract String checkpointOf(T last);
}
