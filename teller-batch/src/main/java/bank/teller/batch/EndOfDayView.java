package bank.teller.batch;

import bank.teller.calendar.application.EndOfDaySteps.StepReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An end-of-day run as its screen shows it: the run (the latest execution of its job instance), the
 * business day it closes, each step with its status and its report per partition, and whether it may
 * be restarted (failed, stopped, or ended with a server that was killed).
 */
public record EndOfDayView(JobRun run, String businessDate, List<Step> steps, boolean restartable) {

    /** One step: its latest execution's status and the report rows of its partitions (one for a step without). */
    public record Step(String name, String status, String exitStatus, Instant started, Instant ended,
                       List<StepReport> partitions) {

        public long total() {
            return partitions.stream().mapToLong(StepReport::total).sum();
        }

        public long done() {
            return partitions.stream().mapToLong(StepReport::done).sum();
        }

        public long failed() {
            return partitions.stream().mapToLong(StepReport::failed).sum();
        }

        /** Done out of total as a whole percentage (100 for a step with nothing to do once it has run). */
        public int percent() {
            long total = total();
            return total == 0 ? ("COMPLETED".equals(status) ? 100 : 0) : (int) Math.min(100, done() * 100 / total);
        }

        /** Seconds from its start to its end, or to now while it runs. */
        public long elapsedSeconds() {
            return started == null ? 0 : Duration.between(started, ended == null ? Instant.now() : ended).toSeconds();
        }
    }
}
