package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * A step of end of day done in one go: it writes its row of the run's report, and a step whose
 * finding must stop the run (branches still open, unbalanced books, a broken audit trail) throws:
 * the step and the job fail with that finding in the report, and no later step runs (the date roll
 * last of all). A restart runs the failed step again.
 */
public abstract class EndOfDayBatchlet extends AbstractBatchlet {

    /** What the step did: the items it looked at and those it changed (the rest it left), why, and its exit status. */
    protected record Done(long read, long posted, String reason, String exitStatus) {
    }

    @Inject
    private JobContext job;
    @Inject
    private StepContext step;
    @EJB
    protected EndOfDayWork work;

    @Override
    public String process() {
        LocalDate closing = EndOfDayRun.closing(job);
        StepRow row = new StepRow(job.getInstanceId(), step.getStepName(), 0);
        work.begin(row, closing, 0);
        try {
            Done done = run(closing);
            work.countDone(row, done.read(), done.posted(), 0, done.reason());
            step.setExitStatus(done.exitStatus());
            return done.exitStatus();
        } catch (RuntimeException failed) {
            String reason = EndOfDayRun.reason(failed);
            work.countDone(row, 1, 0, 1, reason);
            step.setExitStatus("FAILED: " + reason);
            throw failed;
        }
    }

    /** The step's work for the business day {@code closing}. */
    protected abstract Done run(LocalDate closing);
}
