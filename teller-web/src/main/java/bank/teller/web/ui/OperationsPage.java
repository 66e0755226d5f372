package bank.teller.web.ui;

import bank.teller.report.Operations;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The supervisor's operations page (运行监控): what this server counted since it started (postings by
 * type and channel, API calls and their latency, admission and sign-in refusals, lockouts), the
 * backlogs and breaks, the database pool, the queues and the latest end of day's step durations — the
 * key figures of {@code /prometheus}, for a supervisor without a Prometheus at hand.
 */
@Named
@ViewScoped
public class OperationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Operations operations;

    private transient Operations.View view;

    public void refresh() {
        view = Screens.attempt(null, operations::view);
    }

    public Operations.View getView() {
        if (view == null) {
            refresh();
        }
        return view;
    }
}
