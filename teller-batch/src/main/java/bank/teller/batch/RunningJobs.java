package bank.teller.batch;

import bank.teller.platform.ServerNode;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The batch executions running in this server, as its job listener sees them begin and end; each is
 * also recorded as this server's in the database ({@link ServerNode#runs}), for the other nodes. The
 * job repository says STARTED also of a run whose server was killed: such a run is not among these,
 * and may be restarted (JBeret's restart detects it ended); see {@link JobLiveness}.
 */
@Named
@Dependent
public class RunningJobs extends AbstractJobListener {

    private static final Set<Long> RUNNING = ConcurrentHashMap.newKeySet();

    @Inject
    private JobContext job;
    @EJB
    private ServerNode node;

    @Override
    public void beforeJob() {
        RUNNING.add(job.getExecutionId());
        node.runs(job.getExecutionId());
    }

    @Override
    public void afterJob() {
        RUNNING.remove(job.getExecutionId());
    }

    static boolean running(long executionId) {
        return RUNNING.contains(executionId);
    }
}
