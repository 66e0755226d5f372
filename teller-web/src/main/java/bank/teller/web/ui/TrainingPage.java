package bank.teller.web.ui;

import bank.teller.training.Training;
import bank.teller.training.Training.TrainingView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/** The trainer's screen (培训管理): what the training branch holds, and its reset. */
@Named
@ViewScoped
public class TrainingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Training training;

    private TrainingView branch;
    private String requestId = Screens.newRequestId();

    public void load() {
        branch = Screens.attempt(null, training::view);
    }

    public void reset() {
        TrainingView after = Screens.attempt(null, () -> training.reset(requestId));
        if (after != null) {
            branch = after;
            requestId = Screens.newRequestId();
            Screens.info(Screens.text("training.resetDone", after.branchCode(), after.vaultCash()));
        }
    }

    public TrainingView getBranch() {
        return branch;
    }

    /** The tills still open, or "none": a reset waits for them to close. */
    public String getOpenTills() {
        return branch == null || branch.openTills().isEmpty() ? Screens.text("training.none")
                : String.join(", ", branch.openTills());
    }
}
