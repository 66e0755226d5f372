package bank.teller.web.ui;

import bank.teller.batch.DirectDebitJobs;
import bank.teller.payment.application.CollectionViews;
import bank.teller.payment.application.Collections;
import bank.teller.payment.application.DirectDebitViews;
import bank.teller.payment.application.DirectDebits;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.file.UploadedFile;

/**
 * The direct-debit screen (代扣): the teller signs a payer's mandate for a company and finds and
 * cancels an account's mandates; supervisors load a company's debit file, watch the job debit it and
 * take the result file, and can stop or restart its run.
 */
@Named
@ViewScoped
public class DirectDebitsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Collections collections;
    @EJB
    private DirectDebits directDebits;
    @EJB
    private DirectDebitJobs jobs;

    private List<CollectionViews.Agreement> agreements = List.of();
    private String agreement;
    private String mandateRef;
    private String payerAccount;
    private String limitPerDebit;
    private String limitPerMonth;
    private String validFrom;
    private String expiresOn;

    private String account;
    private List<DirectDebitViews.Mandate> mandates = List.of();

    private String fileRef;
    private transient UploadedFile file;
    private DirectDebitViews.File debitFile;

    @PostConstruct
    void init() {
        List<CollectionViews.Agreement> signed = Screens.attempt(null, () -> collections.agreements());
        agreements = signed == null ? List.of() : signed;
        agreement = agreements.isEmpty() ? null : agreements.get(0).code();
    }

    public void sign() {
        DirectDebitViews.Mandate signed = Screens.attempt("mandate:ref", () -> directDebits.sign(
                new DirectDebits.MandateRequest(agreement, mandateRef, payerAccount, limitPerDebit, limitPerMonth,
                        validFrom, expiresOn)));
        if (signed != null) {
            Screens.info(Screens.text("dd.signed", signed.agreement(), signed.mandateRef(), signed.payerAccount()));
            account = signed.payerAccount();
            mandateRef = null;
            find();
        }
    }

    public void find() {
        List<DirectDebitViews.Mandate> found = Screens.attempt("mandates:account", () -> directDebits.mandatesOf(account));
        mandates = found == null ? List.of() : found;
    }

    public void cancel(DirectDebitViews.Mandate mandate) {
        DirectDebitViews.Mandate cancelled = Screens.attempt(null,
                () -> directDebits.cancel(mandate.agreement(), mandate.mandateRef()));
        if (cancelled != null) {
            Screens.info(Screens.text("dd.cancelled", cancelled.agreement(), cancelled.mandateRef()));
            find();
        }
    }

    /** A supervisor loads the company's debit file: taken once per its reference, then debited by the job. */
    public void load() {
        String csv = Screens.uploadedText(file);
        if (csv == null) {
            return;
        }
        DirectDebitViews.File taken = Screens.attempt("debitFile:fileRef", () -> jobs.receive(agreement, fileRef, csv));
        if (taken != null) {
            debitFile = taken;
        }
    }

    /** Polled while the file is being debited. */
    public void refresh() {
        if (debitFile != null) {
            DirectDebitViews.File now = Screens.attempt(null, () -> directDebits.file(debitFile.id()));
            debitFile = now == null ? debitFile : now;
        }
    }

    public void stop() {
        Screens.attempt(null, () -> {
            jobs.stop(debitFile.id());
            return null;
        });
        refresh();
    }

    public void restart() {
        Screens.attempt(null, () -> jobs.process(debitFile.id()));
        refresh();
    }

    public boolean isProcessing() {
        return debitFile != null && !"COMPLETED".equals(debitFile.status());
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

    public String getMandateRef() {
        return mandateRef;
    }

    public void setMandateRef(String mandateRef) {
        this.mandateRef = mandateRef;
    }

    public String getPayerAccount() {
        return payerAccount;
    }

    public void setPayerAccount(String payerAccount) {
        this.payerAccount = payerAccount;
    }

    public String getLimitPerDebit() {
        return limitPerDebit;
    }

    public void setLimitPerDebit(String limitPerDebit) {
        this.limitPerDebit = limitPerDebit;
    }

    public String getLimitPerMonth() {
        return limitPerMonth;
    }

    public void setLimitPerMonth(String limitPerMonth) {
        this.limitPerMonth = limitPerMonth;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public String getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(String expiresOn) {
        this.expiresOn = expiresOn;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public List<DirectDebitViews.Mandate> getMandates() {
        return mandates;
    }

    public String getFileRef() {
        return fileRef;
    }

    public void setFileRef(String fileRef) {
        this.fileRef = fileRef;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public DirectDebitViews.File getDebitFile() {
        return debitFile;
    }
}
