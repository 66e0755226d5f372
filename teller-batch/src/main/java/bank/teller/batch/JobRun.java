package bank.teller.batch;

import java.time.Instant;

/** One execution of a job as the supervisor's screen shows it. */
public record JobRun(long executionId, String jobName, String batchStatus, String exitStatus,
                     Instant started, Instant ended, String report) {
}
