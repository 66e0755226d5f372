package bank.teller.batch;

import bank.teller.ledger.application.TrialBalance;
import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Starting end-of-day jobs and reading their history (job repository in the database). */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class BatchJobs {

    public static final String TRIAL_BALANCE = "trial-balance";
    public static final String DORMANCY = "dormancy";
    public static final String AUDIT = "audit-verification";
    public static final int HISTORY = 20;

    @EJB
    private TrialBalance trialBalance;

    public long startTrialBalance() {
        return operator().start(TRIAL_BALANCE, new Properties());
    }

    public long startDormancy() {
        return operator().start(DORMANCY, new Properties());
    }

    public long startAuditVerification() {
        return operator().start(AUDIT, new Properties());
    }

    /** The latest runs of {@code jobName}, newest first. */
    public List<JobRun> history(String jobName) {
        JobOperator operator = operator();
        List<JobRun> runs = new ArrayList<>();
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(jobName, 0, HISTORY);
        } catch (NoSuchJobException neverRun) {
            return runs;
        }
        for (JobInstance instance : instances) {
            for (JobExecution execution : operator.getJobExecutions(instance)) {
                runs.add(run(execution));
            }
        }
        runs.sort((a, b) -> Long.compare(b.executionId(), a.executionId()));
        return runs;
    }

    public JobRun run(long executionId) {
        return run(operator().getJobExecution(executionId));
    }

    private JobRun run(JobExecution execution) {
        String report = trialBalance.reportOf(execution.getExecutionId())
                .map(TrialBalanceReport::report).orElse(null);
        return new JobRun(execution.getExecutionId(), execution.getJobName(),
                execution.getBatchStatus().name(), execution.getExitStatus(),
                instant(execution.getStartTime()), instant(execution.getEndTime()), report);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
