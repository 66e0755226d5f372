package bank.teller.web.ui;

import bank.teller.payment.application.IncomingWireView;
import bank.teller.payment.application.IncomingWires;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * The supervisor's screen of wires in held in suspense (来账挂账处理): each with what it named and why
 * it could not be credited; the supervisor picks one, then applies it to an account (the one it
 * named, or the one it meant) or returns it to its bank, with a note. Below, the latest wires in,
 * whatever became of them. Auditors look only.
 */
@Named
@ViewScoped
public class IncomingWiresPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private IncomingWires incoming;

    private List<IncomingWireView> held = List.of();
    private List<IncomingWireView> latest = List.of();
    private IncomingWireView selected;
    private String account;
    private String note;
    private String requestId = Screens.newRequestId();

    public void refresh() {
        List<IncomingWireView> suspense = Screens.attempt(null, () -> incoming.held());
        held = suspense == null ? List.of() : suspense;
        List<IncomingWireView> recent = Screens.attempt(null, () -> incoming.latest(20));
        latest = recent == null ? List.of() : recent;
    }

    /** Picks a wire held in suspense to decide on: the account it named in the account field. */
    public void select(IncomingWireView wire) {
        selected = wire;
        account = wire.payeeAccount();
        note = null;
        requestId = Screens.newRequestId();
    }

    public void apply() {
        decided(() -> incoming.apply(selected.clearingRef(), account, note, requestId), "incoming.applied");
    }

    public void returnToSender() {
        decided(() -> incoming.returnToSender(selected.clearingRef(), note, requestId), "incoming.returned");
    }

    private void decided(Supplier<IncomingWireView> decision, String message) {
        if (selected == null) {
            return;
        }
        IncomingWireView done = Screens.attempt("decision:note", decision);
        if (done != null) {
            Screens.info(Screens.text(message, done.clearingRef(), done.amount(),
                    done.creditedAccount() == null ? "" : done.creditedAccount()));
            selected = null;
            account = null;
            note = null;
            refresh();
        }
    }

    public List<IncomingWireView> getHeld() {
        return held;
    }

    public List<IncomingWireView> getLatest() {
        return latest;
    }

    public IncomingWireView getSelected() {
        return selected;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
