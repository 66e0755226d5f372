package bank.teller.web.ui;

import bank.teller.batch.BatchJobs;
import bank.teller.batch.JobRun;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Supervisor's screen for end-of-day jobs: start the trial balance, follow its status and history. */
@Named
@ViewScoped
public class BatchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private BatchJobs jobs;

    private List<JobRun> runs = List.of();

    public void refresh() {
        List<JobRun> latest = Screens.attempt(null, () -> jobs.history(BatchJobs.TRIAL_BALANCE));
        runs = latest == null ? List.of() : latest;
    }

    public void startTrialBalance() {
        Long execution = Screens.attempt(null, () -> jobs.startTrialBalance());
        if (execution != null) {
            Screens.info(Screens.text("batch.started", execution));
        }
        refresh();
    }

    public List<JobRun> getRuns() {
        return runs;
    }
}
