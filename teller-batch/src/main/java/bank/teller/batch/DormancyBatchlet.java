package bank.teller.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Step of the {@code dormancy} job: marks unused accounts dormant; the exit status says how many ("DORMANT 3"). */
@Named
@Dependent
public class DormancyBatchlet extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @EJB
    private EndOfDayWork work;

    @Override
    public String process() {
        List<String> marked = work.markDormantAccounts();
        String exit = "DORMANT " + marked.size();
        job.setExitStatus(exit);
        return exit;
    }
}
