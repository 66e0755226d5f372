package bank.teller.web.ui;

import bank.teller.payment.application.ClaimView;
import bank.teller.payment.application.Claims;
import bank.teller.payment.domain.ClaimCategory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * The reimbursement screen (报销审批): a staff member writes a claim (lines, the account to pay into),
 * attaches the scanned receipts and submits it, and sees where each of theirs stands; an approver
 * works through the claims waiting for them, each with its lines and receipts, approving or returning
 * it with a note; a teller pays the approved ones, with a voucher.
 */
@Named
@ViewScoped
public class ClaimsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Claims claims;
    @Inject
    private SessionInfo session;

    /** A line as the form holds it. */
    public static final class LineRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String category = ClaimCategory.TRAVEL.name();
        private String amount;
        private String spentOn;
        private String note;

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }

        public String getSpentOn() {
            return spentOn;
        }

        public void setSpentOn(String spentOn) {
            this.spentOn = spentOn;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    private String title;
    private String payeeAccount;
    private List<LineRow> lines = new ArrayList<>(List.of(new LineRow()));
    private String requestId = Screens.newRequestId();
    private ClaimView current;
    private transient UploadedFile file;
    private List<ClaimView> mine = List.of();

    private List<ClaimView> queue = List.of();
    private ClaimView reviewed;
    private String note;

    private List<ClaimView> toPay = List.of();
    private Claims.Payment paid;

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        List<ClaimView> own = Screens.attempt(null, () -> claims.mine());
        mine = own == null ? List.of() : own;
        if (session.isSupervisor()) {
            List<ClaimView> waiting = Screens.attempt(null, () -> claims.queue());
            queue = waiting == null ? List.of() : waiting;
        }
        if (session.isCounter()) {
            List<ClaimView> approved = Screens.attempt(null, () -> claims.toPay());
            toPay = approved == null ? List.of() : approved;
        }
    }

    public void addLine() {
        lines.add(new LineRow());
    }

    public void removeLine(LineRow line) {
        if (lines.size() > 1) {
            lines.remove(line);
        }
    }

    /** Saves the claim as a draft (or the draft's changes). */
    public void save() {
        Claims.ClaimRequest request = new Claims.ClaimRequest(title, payeeAccount, lines.stream()
                .map(l -> new Claims.LineRequest(l.category, l.amount, l.spentOn, l.note)).toList());
        ClaimView saved = Screens.attempt("claim:title", () -> current == null ? claims.create(request, requestId)
                : claims.revise(current.claimNo(), request));
        if (saved != null) {
            current = saved;
            Screens.info(Screens.text("claim.saved", saved.claimNo()));
            refresh();
        }
    }

    /** Attaches the chosen receipt to the claim shown (a full-page submission: a file upload). */
    public void attach() {
        if (current == null || file == null || file.getSize() == 0) {
            Screens.warn(Screens.text("collection.noFile"));
            return;
        }
        ClaimView attached = Screens.attempt("receipts:file", () -> claims.attach(current.claimNo(), file.getFileName(),
                file.getContent()));
        current = attached == null ? current : attached;
    }

    public void submit() {
        ClaimView submitted = Screens.attempt("claim:title", () -> claims.submit(current.claimNo()));
        if (submitted != null) {
            current = submitted;
            Screens.info(Screens.text("claim.submitted", submitted.claimNo()));
            refresh();
        }
    }

    /** Opens one of the caller's claims: to see where it stands, or to mend it when it came back. */
    public void open(ClaimView claim) {
        current = claim;
        title = claim.title();
        payeeAccount = claim.payeeAccount();
        lines = new ArrayList<>(claim.lines().stream().map(l -> {
            LineRow row = new LineRow();
            row.category = l.category();
            row.amount = l.amount();
            row.spentOn = l.spentOn().toString();
            row.note = l.note();
            return row;
        }).toList());
    }

    /** Starts a new claim. */
    public void fresh() {
        current = null;
        title = null;
        lines = new ArrayList<>(List.of(new LineRow()));
        requestId = Screens.newRequestId();
    }

    public void review(ClaimView claim) {
        reviewed = claim;
        note = null;
    }

    public void approve() {
        decided(Screens.attempt("review:note", () -> claims.approve(reviewed.claimNo(), note)), "claim.approved");
    }

    public void returnToClaimant() {
        decided(Screens.attempt("review:note", () -> claims.returnToClaimant(reviewed.claimNo(), note)),
                "claim.returned");
    }

    private void decided(ClaimView claim, String message) {
        if (claim != null) {
            Screens.info(Screens.text(message, claim.claimNo()));
            reviewed = null;
            note = null;
            refresh();
        }
    }

    public void pay(ClaimView claim) {
        Claims.Payment done = Screens.attempt(null, () -> claims.pay(claim.claimNo(), Screens.newRequestId()));
        if (done != null) {
            paid = done;
            refresh();
        }
    }

    public boolean isEditable() {
        return current == null || "DRAFT".equals(current.status()) || "RETURNED".equals(current.status());
    }

    public ClaimCategory[] getCategories() {
        return ClaimCategory.values();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPayeeAccount() {
        return payeeAccount;
    }

    public void setPayeeAccount(String payeeAccount) {
        this.payeeAccount = payeeAccount;
    }

    public List<LineRow> getLines() {
        return lines;
    }

    public ClaimView getCurrent() {
        return current;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public List<ClaimView> getMine() {
        return mine;
    }

    public List<ClaimView> getQueue() {
        return queue;
    }

    public ClaimView getReviewed() {
        return reviewed;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<ClaimView> getToPay() {
        return toPay;
    }

    public Claims.Payment getPaid() {
        return paid;
    }
}
