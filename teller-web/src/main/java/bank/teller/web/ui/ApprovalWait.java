package bank.teller.web.ui;

import bank.teller.approval.application.ApprovalView;
import bank.teller.approval.application.Approvals;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A counter transaction waiting on its screen for a supervisor (授权), as every screen that posts
 * shows it ({@code /WEB-INF/includes/approval-wait.xhtml}): the request that needs approval is
 * remembered instead of shown as an error; the screen polls for the decision, or a supervisor
 * signs in on the spot (现场授权); once approved, the screen submits the same request again.
 */
public class ApprovalWait implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where a wait stands after a look at its approval. */
    public enum State {
        NONE, WAITING, APPROVED, REJECTED
    }

    private final Approvals approvals;
    private ApprovalView awaiting;
    private String supervisor;
    private String supervisorPassword;
    private String supervisorCode;

    public ApprovalWait(Approvals approvals) {
        this.approvals = approvals;
    }

    /** Runs the operation; when it needs a supervisor, remembers the waiting request and answers null. */
    public <T> T run(Supplier<T> operation) {
        try {
            T result = operation.get();
            awaiting = null;
            return result;
        } catch (TellerException e) {
            if (e.code() != ErrorCode.APPROVAL_REQUIRED) {
                throw e;
            }
            awaiting = approvals.approval(((Number) e.args().get(0)).longValue());
            return null;
        }
    }

    /**
     * Looks at the approval waited for: APPROVED (the caller submits the request again), REJECTED
     * (shown as an error; the wait ends), WAITING, or NONE when nothing waits.
     */
    public State check() {
        if (awaiting == null) {
            return State.NONE;
        }
        awaiting = approvals.approval(awaiting.id());
        if ("REJECTED".equals(awaiting.status())) {
            Screens.error(null, Screens.text("approval.rejected", awaiting.id(),
                    awaiting.decisionNote() == null ? "" : awaiting.decisionNote()));
            awaiting = null;
            return State.REJECTED;
        }
        return "APPROVED".equals(awaiting.status()) ? State.APPROVED : State.WAITING;
    }

    /** 现场授权: the supervisor's sign-in on this screen approves; answers whether it did. */
    public boolean approveOnTheSpot() {
        ApprovalView decided = Screens.attempt("approval:supervisor",
                () -> approvals.approveOnTheSpot(awaiting.id(), supervisor, supervisorPassword, supervisorCode, null));
        supervisorPassword = null;
        supervisorCode = null;
        if (decided != null) {
            awaiting = decided;
        }
        return decided != null;
    }

    /** The teller gives up waiting: the request stays for the record. */
    public void cancel() {
        awaiting = null;
    }

    public ApprovalView getAwaiting() {
        return awaiting;
    }

    public String getSupervisor() {
        return supervisor;
    }

    public void setSupervisor(String supervisor) {
        this.supervisor = supervisor;
    }

    public String getSupervisorPassword() {
        return supervisorPassword;
    }

    public void setSupervisorPassword(String supervisorPassword) {
        this.supervisorPassword = supervisorPassword;
    }

    public String getSupervisorCode() {
        return supervisorCode;
    }

    public void setSupervisorCode(String supervisorCode) {
        this.supervisorCode = supervisorCode;
    }
}
