package bank.teller.web.ui;

import bank.teller.batch.BatchJobs;
import bank.teller.batch.JobRun;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Supervisor's screen for end-of-day jobs: start the trial balance or the dormancy run, follow their status and history. */
@Named
@ViewScoped
public class BatchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private BatchJobs jobs;

    private List<JobRun> runs = List.of();
    private List<JobRun> dormancyRuns = List.of();

    public void refresh() {
        runs = history(BatchJobs.TRIAL_BALANCE);
        dormancyRuns = history(BatchJobs.DORMANCY);
    }

    private List<JobRun> history(String job) {
        List<JobRun> latest = Screens.attempt(null, () -> jobs.history(job));
        return latest == null ? List.of() : latest;
    }

    public void startTrialBalance() {
        started(Screens.attempt(null, () -> jobs.startTrialBalance()));
    }

    public void startDormancy() {
        started(Screens.attempt(null, () -> jobs.startDormancy()));
    }

    private void started(Long execution) {
        if (execution != null) {
            Screens.info(Screens.text("batch.started", execution));
        }
        refresh();
    }

    public List<JobRun> getRuns() {
        return runs;
    }

    public List<JobRun> getDormancyRuns() {
        return dormancyRuns;
    }
}
