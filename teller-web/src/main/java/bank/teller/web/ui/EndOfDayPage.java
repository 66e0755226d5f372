package bank.teller.web.ui;

import bank.teller.batch.BatchJobs;
import bank.teller.batch.EndOfDayView;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.BusinessDays.BranchDay;
import bank.teller.security.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * End of day (日终): every branch's day (a supervisor closes their own, forcing it past open tills
 * only with a reason), and the bank's run: started for the business date on the screen, each step
 * with its progress, time and report, a failed one with its error and a restart.
 */
@Named
@ViewScoped
public class EndOfDayPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private BusinessDays businessDays;
    @EJB
    private BatchJobs jobs;
    @Inject
    private SessionInfo session;
    @Inject
    private CurrentUser currentUser;

    private List<BranchDay> branches = List.of();
    private EndOfDayView run;
    private String forceReason;
    private String branchCode;

    public void refresh() {
        branchCode = currentUser.caller().branchCode();
        List<BranchDay> days = Screens.attempt(null, businessDays::branches);
        branches = days == null ? List.of() : days;
        run = Screens.attempt(null, () -> jobs.endOfDay().orElse(null));
    }

    public void close(BranchDay day) {
        closed(Screens.attempt(null, () -> businessDays.close(day.branchCode(), false, null)));
    }

    public void forceClose(BranchDay day) {
        if (closed(Screens.attempt(null, () -> businessDays.close(day.branchCode(), true, forceReason)))) {
            forceReason = null;
        }
    }

    private boolean closed(BranchDay day) {
        if (day != null) {
            Screens.info(Screens.text("eod.branchClosed", day.branchCode(), day.businessDate()));
        }
        refresh();
        return day != null;
    }

    public void start() {
        started(Screens.attempt(null, () -> jobs.startEndOfDay(String.valueOf(getBusinessDate()), null)));
    }

    public void restart() {
        if (run != null) {
            started(Screens.attempt(null, () -> jobs.restartEndOfDay(run.run().executionId())));
        }
    }

    private void started(Long execution) {
        if (execution != null) {
            Screens.info(Screens.text("batch.started", execution));
        }
        refresh();
    }

    /** Whether the signed-in supervisor works at the branch (only they close its day). */
    public boolean ownBranch(BranchDay day) {
        return session.isSupervisor() && day.branchCode().equals(branchCode);
    }

    public LocalDate getBusinessDate() {
        return branches.isEmpty() ? null : branches.get(0).businessDate();
    }

    public List<BranchDay> getBranches() {
        return branches;
    }

    public EndOfDayView getRun() {
        return run;
    }

    public String getForceReason() {
        return forceReason;
    }

    public void setForceReason(String forceReason) {
        this.forceReason = forceReason;
    }
}
