package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import bank.teller.deposit.application.DemandInterest.AccrualItem;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Accrues a chunk of accounts and counts it in the run's report, in the chunk's transaction. */
@Named
@Dependent
public class AccrualWriter extends AbstractItemWriter {

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
        work.accrue(items.stream().map(AccrualItem.class::cast).toList(), EndOfDayRun.closing(job),
                new StepRow(job.getInstanceId(), step.getStepName(), Integer.parseInt(partition)));
    }
}
