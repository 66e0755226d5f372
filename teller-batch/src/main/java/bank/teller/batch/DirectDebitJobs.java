package bank.teller.batch;

import bank.teller.payment.application.DebitFileIntake;
import bank.teller.payment.application.DirectDebitViews;
import bank.teller.payment.application.DirectDebits;
import bank.teller.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Properties;

/**
 * Has a company's debit file processed by the {@code direct-debit} job: started when it has no run
 * yet, restarted where it stopped when its run failed or was stopped (or its server died), left alone
 * while it runs or once it completed. Safe to ask again: the job debits each line once whatever
 * happens to it.
 */
@Stateless
@LocalBean
@Local(DebitFileIntake.class)
@RolesAllowed(Roles.SUPERVISOR)
public class DirectDebitJobs implements DebitFileIntake {

    public static final String DIRECT_DEBIT = "direct-debit";

    @Inject
    private JobLiveness liveness;
    @EJB
    private DirectDebits directDebits;

    /**
     * Receives the file ({@link DirectDebits#receive}) and has it processed; the file as it is then. A
     * supervisor's (API, screen) or a channel's on a creditor's behalf (over JMS).
     */
    @Override
    @RolesAllowed({Roles.SUPERVISOR, Roles.CHANNEL})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the file committed before its job reads it
    public DirectDebitViews.File receive(String agreement, String fileRef, String csv) {
        DirectDebitViews.File file = directDebits.receive(agreement, fileRef, csv);
        process(file.id());
        return directDebits.file(file.id());
    }

    /**
     * Stops the file's run after its current chunk (a wrong file, a problem to look into first): what
     * was debited stays debited, the rest waits for {@link #process} to restart it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void stop(long fileId) {
        Long execution = directDebits.file(fileId).executionId();
        if (execution != null && liveness.going(BatchRuntime.getJobOperator().getJobExecution(execution))) {
            BatchRuntime.getJobOperator().stop(execution);
        }
    }

    /** The batch status of the file's latest run (STARTED, STOPPED, COMPLETED, ...), or null before its first. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String runStatus(long fileId) {
        Long execution = directDebits.file(fileId).executionId();
        return execution == null ? null : BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus().name();
    }

    /** Starts or restarts the file's job as it needs; the execution that processes it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long process(long fileId) {
        DirectDebitViews.File file = directDebits.file(fileId);
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution;
        if (file.executionId() == null) {
            Properties parameters = new Properties();
            parameters.setProperty("fileId", String.valueOf(fileId));
            execution = operator.start(DIRECT_DEBIT, parameters);
        } else {
            JobExecution last = operator.getJobExecution(file.executionId());
            if (last.getBatchStatus() == BatchStatus.COMPLETED || liveness.going(last)
                    || !liveness.restartable(last)) {
                return last.getExecutionId();
            }
            execution = operator.restart(last.getExecutionId(), operator.getParameters(last.getExecutionId()));
        }
        directDebits.processedBy(fileId, execution);
        return execution;
    }
}
