package bank.teller.web.ui;

import bank.teller.approval.application.Approvals;
import bank.teller.payment.application.WireReceipt;
import bank.teller.payment.application.WireView;
import bank.teller.payment.application.Wires;
import bank.teller.payment.domain.WireStatus;
import bank.teller.shared.ChineseCapitalAmount;
import bank.teller.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The wire screen (电汇): the payee, the bank from the clearing directory, the amount and purpose; the
 * fee, the route and the total in 大写 shown before the teller confirms; then the wire's reference and
 * voucher, and its progress as the clearing system answers (polled while it is in flight). Wires are
 * also found by reference or by the payer's account. A large wire waits for a supervisor here.
 */
@Named
@ViewScoped
public class WiresPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Wires wires;
    @EJB
    private Approvals approvals;

    private ApprovalWait approval;
    private List<Wires.Bank> banks = List.of();

    private String payerAccount;
    private String payeeName;
    private String payeeAccount;
    private String payeeBank;
    private String amount;
    private String purpose;
    private boolean urgent;
    private Wires.Quote quote;
    private String capitals;
    private String requestId = Screens.newRequestId();
    private WireReceipt sent;

    private List<WireView> awaitingFollowUp;
    private String query;
    private List<WireView> found = List.of();
    private WireView wire;

    @PostConstruct
    void init() {
        approval = new ApprovalWait(approvals);
        List<Wires.Bank> directory = Screens.attempt(null, () -> wires.banks());
        banks = directory == null ? List.of() : directory;
    }

    /** First step: checks the wire and says what it costs and how it goes. */
    public void prepare() {
        quote = Screens.attempt("wire:amount", () -> wires.quote(request()));
        capitals = quote == null ? null : "人民币" + ChineseCapitalAmount.of(Money.parse(quote.total(), Money.CNY));
    }

    /** Second step, the customer agreed: sends it (or waits for a supervisor). */
    public void send() {
        WireReceipt done = Screens.attempt("wire:amount", () -> approval.run(() -> wires.send(request(), requestId)));
        if (done != null) {
            sent = done;
            wire = done.wire();
            found = List.of(wire);
            requestId = Screens.newRequestId();
            quote = null;
            amount = null;
            payeeName = null;
            payeeAccount = null;
        }
    }

    private Wires.Request request() {
        return new Wires.Request(payerAccount, payeeName, payeeAccount, payeeBank, amount, purpose, urgent);
    }

    /** Poll while waiting: an approval sends the wire, a rejection ends the wait. */
    public void checkApproval() {
        switch (approval.check()) {
            case APPROVED -> send();
            case REJECTED -> {
            }
            default -> {
                return;
            }
        }
        PrimeFaces.current().ajax().update("wire-content", "wire-shown", "messages");
    }

    public void approveOnTheSpot() {
        if (approval.approveOnTheSpot()) {
            send();
        }
    }

    public void cancelApproval() {
        approval.cancel();
    }

    /** Finds a wire by its reference, or the wires of a payer's account. */
    public void find() {
        List<WireView> result = Screens.attempt("find:query", () -> wires.search(query));
        found = result == null ? List.of() : result;
        wire = found.size() == 1 ? found.get(0) : null;
        if (result != null && result.isEmpty()) {
            Screens.warn(Screens.text("wire.noneFound"));
        }
    }

    public void select(String reference) {
        wire = Screens.attempt(null, () -> wires.wire(reference));
    }

    /** Polled while the wire shown is in flight: its progress as clearing answers. */
    public void refresh() {
        if (wire != null && isInFlight()) {
            WireView now = Screens.attempt(null, () -> wires.wire(wire.reference()));
            if (now != null && !now.equals(wire)) {
                wire = now;
                PrimeFaces.current().ajax().update("wire-shown");
            }
        }
    }

    public boolean isInFlight() {
        return wire != null && WireStatus.valueOf(wire.status()).inFlight();
    }

    /** Wires clearing has not answered for a while (shown to supervisors), read once per view. */
    public List<WireView> getAwaitingFollowUp() {
        if (awaitingFollowUp == null) {
            List<WireView> read = Screens.attempt(null, () -> wires.awaitingFollowUp());
            awaitingFollowUp = read == null ? List.of() : read;
        }
        return awaitingFollowUp;
    }

    public int getFollowUpMinutes() {
        return Wires.FOLLOW_UP_MINUTES;
    }

    public ApprovalWait getApproval() {
        return approval;
    }

    public List<Wires.Bank> getBanks() {
        return banks;
    }

    public String getPayerAccount() {
        return payerAccount;
    }

    public void setPayerAccount(String payerAccount) {
        this.payerAccount = payerAccount;
    }

    public String getPayeeName() {
        return payeeName;
    }

    public void setPayeeName(String payeeName) {
        this.payeeName = payeeName;
    }

    public String getPayeeAccount() {
        return payeeAccount;
    }

    public void setPayeeAccount(String payeeAccount) {
        this.payeeAccount = payeeAccount;
    }

    public String getPayeeBank() {
        return payeeBank;
    }

    public void setPayeeBank(String payeeBank) {
        this.payeeBank = payeeBank;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
    }

    public Wires.Quote getQuote() {
        return quote;
    }

    public String getCapitals() {
        return capitals;
    }

    public WireReceipt getSent() {
        return sent;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<WireView> getFound() {
        return found;
    }

    public WireView getWire() {
        return wire;
    }
}
