package bank.teller.batch;

import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.EndOfDaySteps;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.platform.ServerNode;
import bank.teller.security.Roles;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Starting end-of-day jobs and reading their history (job repository in the database). */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class BatchJobs {

    public static final String TRIAL_BALANCE = "trial-balance";
    public static final String DORMANCY = "dormancy";
    public static final String AUDIT = "audit-verification";
    public static final String END_OF_DAY = "end-of-day";
    public static final int HISTORY = 20;

    @Inject
    private JobLiveness liveness;
    @EJB
    private ServerNode node;
    @EJB
    private TrialBalance trialBalance;
    @EJB
    private BusinessDays businessDays;
    @EJB
    private EndOfDaySteps steps;

    /**
     * Starts end of day to close {@code businessDate} (YYYY-MM-DD), which must be today's business date
     * (END_OF_DAY_WRONG_DATE otherwise: the caller saw another day); refused while a run goes
     * (END_OF_DAY_RUNNING) and when today's run exists already (END_OF_DAY_RESTART_INSTEAD: restart
     * it). Starts take turns, so one run at a time holds across supervisors and servers.
     */
    public long startEndOfDay(String businessDate, Integer partitions) {
        LocalDate closing = Dates.required("businessDate", businessDate);
        if (partitions != null) {
            AccountPartitions.requireValid(partitions);
        }
        LocalDate today = businessDays.lockForEndOfDay();
        if (!today.equals(closing)) {
            throw new TellerException(ErrorCode.END_OF_DAY_WRONG_DATE, closing, today);
        }
        JobOperator operator = operator();
        Optional<JobExecution> latest = latestEndOfDay(operator);
        if (latest.isPresent()) {
            JobExecution execution = latest.get();
            if (liveness.going(execution)) {
                throw new TellerException(ErrorCode.END_OF_DAY_RUNNING, execution.getExecutionId());
            }
            String closes = operator.getParameters(execution.getExecutionId()).getProperty(EndOfDayRun.BUSINESS_DATE);
            if (today.toString().equals(closes)) {
                throw new TellerException(ErrorCode.END_OF_DAY_RESTART_INSTEAD, today, execution.getExecutionId(),
                        execution.getBatchStatus());
            }
        }
        Properties parameters = new Properties();
        parameters.setProperty(EndOfDayRun.BUSINESS_DATE, today.toString());
        if (partitions != null) {
            parameters.setProperty(EndOfDayRun.PARTITIONS, partitions.toString());
        }
        return ownRun(operator.start(END_OF_DAY, parameters));
    }

    /** Restarts a failed or stopped end-of-day run where it stopped, with the parameters it had. */
    public long restartEndOfDay(long executionId) {
        businessDays.lockForEndOfDay();
        JobOperator operator = operator();
        JobExecution execution = endOfDayExecution(operator, executionId);
        Optional<JobExecution> latest = latestEndOfDay(operator);
        if (latest.isPresent() && liveness.going(latest.get())) {
            throw new TellerException(ErrorCode.END_OF_DAY_RUNNING, latest.get().getExecutionId());
        }
        if (!liveness.restartable(execution) || latest.isPresent() && latest.get().getExecutionId() != executionId) {
            throw new TellerException(ErrorCode.END_OF_DAY_NOT_RESTARTABLE, executionId, execution.getBatchStatus());
        }
        return ownRun(operator.restart(executionId, operator.getParameters(executionId)));
    }

    /**
     * Records the run as this server's before the start commits, so another node that sees the run
     * (from the moment the lock is released) knows that it goes here ({@link JobLiveness}).
     */
    private long ownRun(long execution) {
        node.runs(execution);
        return execution;
    }

    /** The latest end-of-day run with its steps and report, if one ever ran. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<EndOfDayView> endOfDay() {
        JobOperator operator = operator();
        return latestEndOfDay(operator).map(execution -> endOfDay(operator, execution));
    }

    /** An end-of-day run by the id of one of its executions. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public EndOfDayView endOfDay(long executionId) {
        JobOperator operator = operator();
        return endOfDay(operator, endOfDayExecution(operator, executionId));
    }

    private EndOfDayView endOfDay(JobOperator operator, JobExecution execution) {
        JobInstance instance = operator.getJobInstance(execution.getExecutionId());
        List<JobExecution> executions = new ArrayList<>(operator.getJobExecutions(instance));
        executions.sort(Comparator.comparingLong(JobExecution::getExecutionId));
        JobExecution newest = executions.get(executions.size() - 1);
        Map<String, StepExecution> latestSteps = new LinkedHashMap<>();
        Map<String, JobExecution> stepsRuns = new LinkedHashMap<>();
        for (JobExecution each : executions) {
            for (StepExecution step : operator.getStepExecutions(each.getExecutionId())) {
                latestSteps.put(step.getStepName(), step);
                stepsRuns.put(step.getStepName(), each);
            }
        }
        Map<String, List<EndOfDaySteps.StepReport>> reports = new LinkedHashMap<>();
        for (EndOfDaySteps.StepReport report : steps.of(instance.getInstanceId())) {
            reports.computeIfAbsent(report.step(), name -> new ArrayList<>()).add(report);
        }
        List<EndOfDayView.Step> views = latestSteps.values().stream().map(step -> {
            List<EndOfDaySteps.StepReport> partitions = reports.getOrDefault(step.getStepName(), List.of());
            return new EndOfDayView.Step(step.getStepName(), step.getBatchStatus().name(), step.getExitStatus(),
                    started(step, stepsRuns.get(step.getStepName()), partitions), instant(step.getEndTime()), partitions);
        }).toList();
        return new EndOfDayView(run(newest), operator.getParameters(newest.getExecutionId())
                .getProperty(EndOfDayRun.BUSINESS_DATE), views, liveness.restartable(newest));
    }

    private JobExecution endOfDayExecution(JobOperator operator, long executionId) {
        JobExecution execution;
        try {
            execution = operator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException unknown) {
            execution = null;
        }
        if (execution == null || !END_OF_DAY.equals(execution.getJobName())) {
            throw new TellerException(ErrorCode.END_OF_DAY_NOT_FOUND, executionId);
        }
        return execution;
    }

    private static Optional<JobExecution> latestEndOfDay(JobOperator operator) {
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(END_OF_DAY, 0, 1);
        } catch (NoSuchJobException neverRun) {
            return Optional.empty();
        }
        return instances.stream().flatMap(instance -> operator.getJobExecutions(instance).stream())
                .max(Comparator.comparingLong(JobExecution::getExecutionId));
    }

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
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
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

    /**
     * When a step's latest execution started. While the server that ran it is up, JBeret's cached
     * execution of a partitioned step says it started when its last partition ended (its repository's
     * row is right); the earliest report row its partitions began in the same run tells the start.
     */
    private static Instant started(StepExecution step, JobExecution run, List<EndOfDaySteps.StepReport> partitions) {
        Instant started = instant(step.getStartTime());
        Instant runStarted = instant(run.getStartTime());
        for (EndOfDaySteps.StepReport partition : partitions) {
            Instant begun = partition.started();
            if (begun != null && (started == null || begun.isBefore(started))
                    && (runStarted == null || !begun.isBefore(runStarted))) {
                started = begun;
            }
        }
        return started;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
