package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * A step of end of day done in one go: it writes its row of the run's report. A finding that must
 * stop the run (branches still open, unbalanced books, a broken audit trail) is a business outcome,
 * not an error: the step ends with its exit status, the job's XML fails the job on it (no later
 * step runs, the date roll last of all), and the step runs again when the run is restarted. A step
 * that throws fails the same way, with the error in the report and the log.
 */
public abstract class EndOfDayBatchlet extends AbstractBatchlet {

    /**
     * What the step did: the items it looked at and those it changed (the rest it left), why, and
     * its exit status; or a finding that stops the run ({@link #stop}).
     */
    protected record Done(long read, long posted, String reason, String exitStatus, boolean stops) {

        protected Done(long read, long posted, String reason, String exitStatus) {
            this(read, posted, reason, exitStatus, false);
        }

        /**
         * A finding that stops the run: counted as one failed item with {@code reason}, and the
         * step ends with {@code exitStatus}, on which the job's XML fails the job (no later step
         * runs); the step runs again when the run is restarted.
         */
        protected static Done stop(String reason, String exitStatus) {
            return new Done(1, 0, reason, exitStatus, true);
        }
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
            work.countDone(row, done.read(), done.posted(), done.stops() ? 1 : 0, done.reason());
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
