package bank.teller.web.ui;

import bank.teller.payment.application.CollectionViews;
import bank.teller.payment.application.Collections;
import bank.teller.shared.ChineseCapitalAmount;
import bank.teller.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * The collection screen (代收缴费): the teller picks the company's agreement, finds the payer's bill
 * by its reference or the payer's name, and takes it in cash or by transfer from the payer's account,
 * once, with a receipt voucher. Supervisors sign agreements and load a company's bill list (CSV), and
 * see the report of each row refused.
 */
@Named
@ViewScoped
public class CollectionsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Collections collections;

    private List<CollectionViews.Agreement> agreements = List.of();
    private String agreement;
    private String query;
    private List<CollectionViews.Bill> bills = List.of();
    private CollectionViews.Bill bill;
    private String method = "CASH";
    private String payerAccount;
    private String requestId = Screens.newRequestId();
    private CollectionViews.Payment paid;

    private String code;
    private String name;
    private String category = "UTILITY";
    private String companyAccount;
    private transient UploadedFile file;
    private CollectionViews.LoadReport report;

    @PostConstruct
    void init() {
        List<CollectionViews.Agreement> signed = Screens.attempt(null, () -> collections.agreements());
        agreements = signed == null ? List.of() : signed;
        if (agreement == null && !agreements.isEmpty()) {
            agreement = agreements.get(0).code();
        }
    }

    /** The agreement's bills whose reference or payer's name is the text typed (all of them when it is empty). */
    public void find() {
        List<CollectionViews.Bill> found = Screens.attempt("collect:query", () -> collections.bills(agreement, query, 50));
        bills = found == null ? List.of() : found;
        bill = bills.size() == 1 ? bills.get(0) : null;
        paid = null;
        if (found != null && found.isEmpty()) {
            Screens.warn(Screens.text("collection.noneFound"));
        }
    }

    public void select(CollectionViews.Bill chosen) {
        bill = chosen;
        paid = null;
        requestId = Screens.newRequestId();
    }

    /** Takes the bill chosen, in cash or from the payer's account; once. */
    public void pay() {
        if (bill == null) {
            return;
        }
        CollectionViews.Payment done = Screens.attempt("pay:payerAccount", () -> collections.pay(
                new Collections.PaymentRequest(bill.agreement(), bill.billRef(), method, payerAccount), requestId));
        if (done != null) {
            paid = done;
            bill = done.bill();
            bills = bills.stream().map(b -> b.billRef().equals(done.bill().billRef()) ? done.bill() : b).toList();
            requestId = Screens.newRequestId();
            payerAccount = null;
        }
    }

    public String getCapitals() {
        return bill == null ? null : "人民币" + ChineseCapitalAmount.of(Money.parse(bill.amount(), Money.CNY));
    }

    /** A supervisor signs a company's agreement. */
    public void sign() {
        CollectionViews.Agreement signed = Screens.attempt("agreement:code", () -> collections.sign(
                new Collections.AgreementRequest(code, name, category, companyAccount)));
        if (signed != null) {
            Screens.info(Screens.text("collection.signed", signed.code(), signed.name()));
            code = null;
            name = null;
            companyAccount = null;
            init();
            agreement = signed.code();
        }
    }

    /** A supervisor loads the bill list chosen into the agreement shown. */
    public void load() {
        String csv = Screens.uploadedText(file);
        if (csv == null) {
            return;
        }
        CollectionViews.LoadReport loaded = Screens.attempt("load:file", () -> collections.load(agreement, csv));
        if (loaded != null) {
            report = loaded;
            Screens.info(Screens.text("collection.loaded", loaded.accepted(), loaded.refused().size()));
        }
    }

    public List<CollectionViews.Agreement> getAgreements() {
        return agreements;
    }

    public String getAgreement() {
        return agreement;
    }

    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<CollectionViews.Bill> getBills() {
        return bills;
    }

    public CollectionViews.Bill getBill() {
        return bill;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPayerAccount() {
        return payerAccount;
    }

    public void setPayerAccount(String payerAccount) {
        this.payerAccount = payerAccount;
    }

    public CollectionViews.Payment getPaid() {
        return paid;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getCompanyAccount() {
        return companyAccount;
    }

    public void setCompanyAccount(String companyAccount) {
        this.companyAccount = companyAccount;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public CollectionViews.LoadReport getReport() {
        return report;
    }
}
