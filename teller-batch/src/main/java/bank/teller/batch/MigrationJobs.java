package bank.teller.batch;

import bank.teller.migration.MigrationImport;
import bank.teller.migration.Migrations;
import bank.teller.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Properties;

/**
 * Has a migration batch imported by the {@code migration-import} job once its files are staged:
 * starts the job, or restarts it where it stopped (failed, stopped, its server died); left alone while it runs
 * or once it completed. Safe to ask again: each row is imported once whatever happens.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class MigrationJobs {

    public static final String MIGRATION_IMPORT = "migration-import";

    @Inject
    private JobLiveness liveness;
    @EJB
    private Migrations migrations;
    @EJB
    private MigrationImport imports;

    /**
     * Stops the batch's import after its current chunk (a wrong file, a problem to look into first):
     * what was imported stays, the rest waits for {@link #process} to restart it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void stop(long batchId) {
        Long execution = migrations.executionOf(batchId);
        if (execution != null && liveness.going(BatchRuntime.getJobOperator().getJobExecution(execution))) {
            BatchRuntime.getJobOperator().stop(execution);
        }
    }

    /** The batch status of the import's latest run (STARTED, STOPPED, COMPLETED, ...), or null before its first. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String runStatus(long batchId) {
        Long execution = migrations.executionOf(batchId);
        return execution == null ? null : BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus().name();
    }

    /** Starts or restarts the batch's import as it needs; the execution that imports it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long process(long batchId) {
        Long previous = migrations.executionOf(batchId);
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution;
        if (previous == null) {
            Properties parameters = new Properties();
            parameters.setProperty("batchId", String.valueOf(batchId));
            imports.importing(batchId);
            execution = operator.start(MIGRATION_IMPORT, parameters);
        } else {
            JobExecution last = operator.getJobExecution(previous);
            if (last.getBatchStatus() == BatchStatus.COMPLETED || liveness.going(last) || !liveness.restartable(last)) {
                return last.getExecutionId();
            }
            imports.importing(batchId);
            execution = operator.restart(previous, operator.getParameters(previous));
        }
        imports.executedBy(batchId, execution);
        return execution;
    }
}
