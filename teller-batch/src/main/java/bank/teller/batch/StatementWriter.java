package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
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

/** Writes a chunk's statements (PDF and CSV) and counts them in the run's report. */
@Named
@Dependent
public class StatementWriter extends AbstractItemWriter {

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
        LocalDate to = EndOfDayRun.closing(job);
        work.writeStatements(items.stream().map(String.class::cast).toList(), work.statementPeriodStart(to), to,
                new StepRow(job.getInstanceId(), step.getStepName(), Integer.parseInt(partition)));
    }
}
