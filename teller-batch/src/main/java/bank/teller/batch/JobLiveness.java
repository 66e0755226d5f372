package bank.teller.batch;

import bank.teller.platform.ServerNode;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a batch execution still goes, on this server or on another node of a cluster, or ended
 * with the server that ran it (killed, crashed) and may be restarted where it stopped. JBeret's
 * repository says STARTED of both kinds; {@link RunningJobs} knows this server's runs and {@link
 * ServerNode} which live node took the others, so that a run goes once even when two nodes are asked.
 */
@ApplicationScoped
public class JobLiveness {

    @EJB
    private ServerNode node;

    /** Starting, or started (or stopping) on this server or on another node still alive. */
    public boolean going(JobExecution execution) {
        BatchStatus status = execution.getBatchStatus();
        return status == BatchStatus.STARTING
                || (status == BatchStatus.STARTED || status == BatchStatus.STOPPING)
                && (RunningJobs.running(execution.getExecutionId()) || node.runsElsewhere(execution.getExecutionId()));
    }

    /** Failed, stopped, or ended with its server: it may be restarted where it stopped. */
    public boolean restartable(JobExecution execution) {
        BatchStatus status = execution.getBatchStatus();
        return status != BatchStatus.COMPLETED && status != BatchStatus.ABANDONED && !going(execution);
    }
}
