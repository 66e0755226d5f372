package bank.teller.web.ui;

import bank.teller.integration.CoreBreaks;
import bank.teller.integration.CoreBreaks.BreakView;
import bank.teller.integration.CoreReconciliations;
import bank.teller.ledger.application.LedgerCheck;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.shared.BusinessCalendar;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The supervisor's reconciliation screen (对账): a day's comparison with the core system (counts, each
 * category's breaks and amount, every break with what differs), each open break worked from here —
 * sent again, resolved with a note, or adjusted through the approval policy — and the books checked
 * against each other now (tills, GL control accounts, accounts). Auditors look only.
 */
@Named
@ViewScoped
public class ReconciliationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CoreReconciliations reconciliations;
    @EJB
    private CoreBreaks breaks;
    @EJB
    private TrialBalance trialBalance;
    @Inject
    private BusinessCalendar calendar;

    private LocalDate date;
    private CoreReconciliations.Summary day;
    private BreakView selected;
    private String note;
    private String account;
    private String side = "CREDIT";
    private String amount;
    private LedgerCheck books;

    /** On opening: the latest day reconciled, or today. */
    public void load() {
        if (date == null) {
            date = reconciliations.lastReconciled().orElseGet(calendar::today);
        }
        show();
    }

    public void show() {
        selected = null;
        day = date == null ? null : Screens.attempt("day:date", () -> reconciliations.summary(date));
    }

    public void reconcile() {
        CoreReconciliations.Summary done = Screens.attempt("day:date",
                () -> reconciliations.reconcileWhenCoreHasTheDay(date));
        if (done != null) {
            day = done;
            selected = null;
            Screens.info(Screens.text("recon.reconciled", done.businessDate(), Screens.text("recon.status." + done.status()),
                    done.openBreaks()));
        }
    }

    public void select(BreakView found) {
        selected = found;
        note = null;
        account = null;
        side = "CREDIT";
        amount = found.amount();
    }

    public void resend() {
        worked(() -> breaks.resend(selected.id(), note), "recon.resent");
    }

    public void resolve() {
        worked(() -> breaks.resolve(selected.id(), note), "recon.resolved");
    }

    public void adjust() {
        worked(() -> breaks.adjust(selected.id(), account, side, amount, note), "recon.adjusted");
    }

    private void worked(Supplier<BreakView> work, String message) {
        if (selected == null) {
            return;
        }
        BreakView done = Screens.attempt("work:note", work);
        if (done != null) {
            Screens.info(Screens.text(message, done.id(), done.entryId()));
            show();
        }
    }

    public void checkBooks() {
        books = Screens.attempt(null, () -> trialBalance.check());
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public CoreReconciliations.Summary getDay() {
        return day;
    }

    public BreakView getSelected() {
        return selected;
    }

    public boolean isResendable() {
        return selected != null && selected.resendable();
    }

    public boolean isAdjustable() {
        return selected != null && selected.adjustable();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getSide() {
        return side;
    }

    public void setSide(String side) {
        this.side = side;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public LedgerCheck getBooks() {
        return books;
    }

    public List<String> getFindings() {
        return books == null ? List.of() : books.findings();
    }
}
