package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a chunk of a partition's items ({@link AccountRangeReader}) and counts them in the
 * partition's row of the run's report.
 *
 * @param <T> the item
 */
public abstract class AccountRangeWriter<T> extends AbstractItemWriter {

    @Inject
    private JobContext job;
    @Inject
    private StepContext step;
    @Inject
    @BatchProperty
    private String partition;
    @EJB
    protected EndOfDayWork work;

    private final Class<T> type;

    protected AccountRangeWriter(Class<T> type) {
        this.type = type;
    }

    @Override
    public void writeItems(List<Object> items) {
        write(items.stream().map(type::cast).toList(), EndOfDayRun.closing(job), AccountRangeReader.row(job, step, partition));
    }

    protected abstract void write(List<T> items, LocalDate closing, StepRow row);
}
