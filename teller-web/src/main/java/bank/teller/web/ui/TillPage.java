package bank.teller.web.ui;

import bank.teller.till.application.BranchCash;
import bank.teller.till.application.TillView;
import bank.teller.till.application.Tills;
import bank.teller.till.application.VaultTransferView;
import bank.teller.till.domain.CashCount;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The till screen (尾箱): the teller opens the till, asks the vault for cash or hands it back, and
 * counts by denomination at close; a supervisor sees the vault and every till of the branch,
 * confirms vault transfers and books or sends back a counted difference.
 */
@Named
@ViewScoped
public class TillPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Tills tills;
    @Inject
    private SessionInfo session;

    private TillView till;
    private BranchCash branch;
    private String direction = "TO_TILL";
    private String amount;
    private final Map<String, Integer> pieces = new LinkedHashMap<>();
    private String note;
    private String requestId = Screens.newRequestId();

    /** viewAction and poll: the caller's till and, for supervisors, the branch. */
    public void refresh() {
        till = tills.current();
        branch = session.isSupervisor() ? Screens.attempt(null, () -> tills.branchCash()) : null;
        if (pieces.isEmpty()) {
            CashCount.DENOMINATIONS.forEach(d -> pieces.put(d.toPlainString(), 0));
        }
    }

    public void open() {
        done(Screens.attempt(null, () -> tills.open(requestId)));
    }

    public void requestVaultTransfer() {
        done(Screens.attempt("vault:amount", () -> tills.requestVaultTransfer(direction, amount, requestId)));
    }

    public void count() {
        TillView counted = Screens.attempt(null, () -> tills.count(pieces, requestId));
        if (counted != null) {
            Screens.info(Screens.text("CLOSED".equals(counted.status()) ? "till.closed" : "till.pending",
                    counted.countedCash(), counted.expectedCash(), counted.difference()));
        }
        done(counted);
    }

    public void confirm(VaultTransferView transfer) {
        done(Screens.attempt(null, () -> tills.confirmVaultTransfer(transfer.id(), requestId)));
    }

    public void reject(VaultTransferView transfer) {
        done(Screens.attempt(null, () -> tills.rejectVaultTransfer(transfer.id(), requestId)));
    }

    public void approveVariance(TillView pending) {
        done(Screens.attempt("branch:note", () -> tills.approveVariance(pending.sessionId(), note, requestId)));
    }

    public void recount(TillView pending) {
        done(Screens.attempt("branch:note", () -> tills.recount(pending.sessionId(), note, requestId)));
    }

    private void done(Object result) {
        if (result != null) {
            requestId = Screens.newRequestId();
            amount = null;
            note = null;
        }
        refresh();
    }

    /** The count's total as the teller types (the server counts again); an empty field counts as none. */
    public String getCountTotal() {
        Map<String, Integer> typed = new LinkedHashMap<>();
        pieces.forEach((denomination, n) -> typed.put(denomination, n == null ? 0 : n));
        return CashCount.of(typed).total().toPlainString();
    }

    public TillView getTill() {
        return till;
    }

    public BranchCash getBranch() {
        return branch;
    }

    public Map<String, Integer> getPieces() {
        return pieces;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
