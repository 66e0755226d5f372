package bank.teller.web.ui;

import bank.teller.security.CurrentUser;
import bank.teller.till.application.BlankVoucherView;
import bank.teller.till.application.VoucherStock;
import bank.teller.till.application.VoucherStock.StockLine;
import bank.teller.till.domain.BlankVoucher;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;

/**
 * The blank-voucher screen (重要空白凭证): the branch's stock by kind, status and till (the day's
 * accounting); a supervisor receives a numbered range into the vault and issues ranges to tills; the
 * teller sees their till's numbers, spoils one with a reason or returns the unused ones to the vault.
 */
@Named
@ViewScoped
public class BlankVouchersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private VoucherStock stock;
    @Inject
    private CurrentUser currentUser;

    private List<StockLine> lines = List.of();
    private List<BlankVoucherView> mine = List.of();
    private String tillCode;
    private String kind = BlankVoucher.KINDS.get(0);
    private String from;
    private String to;
    private String toTill;
    private String serial;
    private String reason;

    public void load() {
        tillCode = currentUser.get().tillCode();
        List<StockLine> found = Screens.attempt(null, stock::branchStock);
        lines = found == null ? List.of() : found;
        List<BlankVoucherView> held = tillCode == null ? List.of() : Screens.attempt(null, () -> stock.ofTill(tillCode));
        mine = held == null ? List.of() : held;
    }

    public void receive() {
        moved(() -> stock.receive(kind, from, to), "vault:from");
    }

    public void issue() {
        moved(() -> stock.issueToTill(kind, from, to, toTill), "vault:from");
    }

    public void giveBack() {
        moved(() -> stock.returnToVault(kind, from, to), "till:from");
    }

    public void spoil() {
        moved(() -> List.of(stock.spoil(kind, serial, reason)), "till:serial");
    }

    private void moved(Supplier<List<BlankVoucherView>> work, String clientId) {
        List<BlankVoucherView> done = Screens.attempt(clientId, work);
        if (done != null) {
            Screens.info(Screens.text("blank.moved", done.size()));
            from = null;
            to = null;
            serial = null;
            reason = null;
            load();
        }
    }

    public List<String> getKinds() {
        return BlankVoucher.KINDS;
    }

    public List<StockLine> getLines() {
        return lines;
    }

    public List<BlankVoucherView> getMine() {
        return mine;
    }

    public String getTillCode() {
        return tillCode;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getToTill() {
        return toTill;
    }

    public void setToTill(String toTill) {
        this.toTill = toTill;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
