package bank.teller.web.ui;

import bank.teller.approval.application.ApprovalView;
import bank.teller.approval.application.Approvals;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The supervisor's inbox (授权): what the branch's tellers are waiting for, approved or rejected once. */
@Named
@ViewScoped
public class ApprovalsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Approvals approvals;

    private List<ApprovalView> pending = List.of();
    private String note;

    /** viewAction and poll. */
    public void refresh() {
        List<ApprovalView> latest = Screens.attempt(null, () -> approvals.pending());
        pending = latest == null ? List.of() : latest;
    }

    public void approve(ApprovalView request) {
        decided(Screens.attempt("inbox:note", () -> approvals.approve(request.id(), note)), "approvals.approved");
    }

    public void reject(ApprovalView request) {
        decided(Screens.attempt("inbox:note", () -> approvals.reject(request.id(), note)), "approvals.rejected");
    }

    private void decided(ApprovalView decision, String message) {
        if (decision != null) {
            Screens.info(Screens.text(message, decision.id()));
            note = null;
        }
        refresh();
    }

    public List<ApprovalView> getPending() {
        return pending;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
