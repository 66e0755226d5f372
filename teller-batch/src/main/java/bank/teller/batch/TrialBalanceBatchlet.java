package bank.teller.batch;

import bank.teller.ledger.application.TrialBalance;
import bank.teller.ledger.domain.TrialBalanceReport;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step of the {@code trial-balance} job: runs the check and ends with exit status BALANCED or
 * UNBALANCED (the batch status is COMPLETED either way: the job did its work; the finding is
 * in the report).
 */
@Named
@Dependent
public class TrialBalanceBatchlet extends AbstractBatchlet {

    public static final String BALANCED = "BALANCED";
    public static final String UNBALANCED = "UNBALANCED";

    @Inject
    private JobContext job;

    @EJB
    private TrialBalance trialBalance;

    @Override
    public String process() {
        TrialBalanceReport report = trialBalance.run(job.getExecutionId());
        String exit = report.balanced() ? BALANCED : UNBALANCED;
        job.setExitStatus(exit);
        return exit;
    }
}
