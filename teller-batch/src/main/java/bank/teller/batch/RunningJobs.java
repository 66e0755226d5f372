package bank.teller.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The end-of-day executions running in this server, as its job listener sees them begin and end.
 * The job repository says STARTED also of a run whose server was killed: such a run is not among
 * these, and may be restarted (JBeret's restart detects it ended); a STARTED run among these goes on.
 */
@Named
@Dependent
public class RunningJobs extends AbstractJobListener {

    private static final Set<Long> RUNNING = ConcurrentHashMap.newKeySet();

    @Inject
    private JobContext job;

    @Override
    public void beforeJob() {
        RUNNING.add(job.getExecutionId());
    }

    @Override
    public void afterJob() {
        RUNNING.remove(job.getExecutionId());
    }

    static boolean running(long executionId) {
        return RUNNING.contains(executionId);
    }
}
