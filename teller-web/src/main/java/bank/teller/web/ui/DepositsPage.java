package bank.teller.web.ui;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountView;
import bank.teller.approval.application.Approvals;
import bank.teller.deposit.application.CertificateLosses;
import bank.teller.deposit.application.DepositQueries;
import bank.teller.deposit.application.DepositReceipt;
import bank.teller.deposit.application.DepositView;
import bank.teller.deposit.application.SlipView;
import bank.teller.deposit.application.TermDeposits;
import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.Renewal;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ChineseCapitalAmount;
import bank.teller.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.primefaces.PrimeFaces;

/**
 * The deposits screen (定期/通知存款): find deposits by account, certificate or customer; open one
 * (what it earns shown before the teller confirms); and on the deposit shown, withdraw (the interest
 * slip shown before confirming), renew, register and cancel a notice, report a lost certificate,
 * release or reissue it. Each write keeps its request id until it succeeds, so sending it again
 * (after a supervisor's approval, waited for on this screen) is the same request.
 */
@Named
@ViewScoped
public class DepositsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TermDeposits deposits;
    @EJB
    private DepositQueries queries;
    @EJB
    private AccountQueries accountQueries;
    @EJB
    private CertificateLosses losses;
    @EJB
    private Approvals approvals;
    @Inject
    private BusinessCalendar calendar;

    /** The writes that may wait for a supervisor, to submit again once approved. */
    private enum Pending {
        OPEN, WITHDRAW, REISSUE
    }

    private ApprovalWait approval;
    private Pending pending;

    private String query;
    private List<DepositView> found = List.of();
    private DepositView deposit;

    /** The customer who opens: their customer number, or the number of an account or card of theirs. */
    private String customer;
    private String product = DepositProduct.TIME_1Y.name();
    private String amount;
    private String fromAccount;
    private String renewal = Renewal.NONE.name();
    private String settlementAccount;
    private String certificateNo;
    private TermDeposits.OpeningQuote openingQuote;
    private String openCapitals;
    private String openRequestId = Screens.newRequestId();

    private String withdrawAmount;
    private String toAccount;
    private String newCertificateNo;
    private DepositReceipt withdrawalQuote;
    private String withdrawRequestId = Screens.newRequestId();

    /** The owner's ID number, seen by the teller: for a written loss report, a release, a reissue, a lost certificate's payout. */
    private String idNumber;
    private String lossKind = "ORAL";
    private String reissueCertificateNo;
    private String lossRequestId = Screens.newRequestId();

    private String renewProduct;
    private String renewRenewal = Renewal.NONE.name();
    private boolean renewWithInterest = true;
    private String renewCertificateNo;
    private SlipView renewalSlip;
    private TermDeposits.OpeningQuote renewalQuote;
    private String renewRequestId = Screens.newRequestId();

    private String noticeDate;
    private String noticeAmount;
    private String noticeRequestId = Screens.newRequestId();

    private DepositReceipt receipt;

    @PostConstruct
    void init() {
        approval = new ApprovalWait(approvals);
    }

    /** Finds by account number, certificate number, or else the customers the text names (name, ID, phone). */
    public void find() {
        List<DepositView> result = Screens.attempt("find:query", () -> queries.search(query));
        found = result == null ? List.of() : result;
        deposit = found.size() == 1 ? found.get(0) : null;
        if (result != null && result.isEmpty()) {
            Screens.warn(Screens.text("deposit.noneFound"));
        }
    }

    public void select(String accountNumber) {
        deposit = Screens.attempt(null, () -> queries.deposit(accountNumber));
        withdrawalQuote = null;
        receipt = null;
    }

    /** First step of an opening: checks it and says what it earns. */
    public void prepareOpening() {
        openingQuote = null;
        if (customerId() == null) {
            return;
        }
        openingQuote = Screens.attempt("open:amount", () -> deposits.quoteOpening(product, amount));
        openCapitals = openingQuote == null ? null
                : "人民币" + ChineseCapitalAmount.of(Money.parse(amount, Money.CNY));
    }

    public void open() {
        Long customerId = customerId();
        if (customerId == null) {
            return;
        }
        DepositReceipt opened = Screens.attempt("open:amount", () -> awaitingApproval(Pending.OPEN,
                () -> deposits.open(new TermDeposits.Opening(customerId, product, amount, fromAccount,
                        isTime() ? renewal : null, settlementAccount, certificateNo), openRequestId)));
        if (opened != null) {
            receipt = opened;
            deposit = opened.deposit();
            found = List.of(deposit);
            openRequestId = Screens.newRequestId();
            openingQuote = null;
            amount = null;
            certificateNo = null;
        }
    }

    /** The customer number the customer field gives (an account's or card's holder), or null with a message. */
    private Long customerId() {
        String text = customer == null ? "" : customer.strip();
        if (text.matches("\\d{1,12}")) {
            return Long.valueOf(text);
        }
        AccountView account = Screens.attempt("open:customer", () -> accountQueries.account(text));
        return account == null ? null : account.customerId();
    }

    /** First step of a withdrawal: what it pays, line by line. */
    public void prepareWithdrawal() {
        withdrawalQuote = Screens.attempt("withdraw:amount", () -> deposits.quote(deposit.accountNumber(), withdrawAmount));
    }

    public void withdraw() {
        DepositReceipt done = Screens.attempt("withdraw:amount", () -> awaitingApproval(Pending.WITHDRAW,
                () -> deposits.withdraw(new TermDeposits.Withdrawal(deposit.accountNumber(), withdrawAmount, toAccount,
                        newCertificateNo, idNumber), withdrawRequestId)));
        if (done != null) {
            receipt = done;
            deposit = done.deposit();
            withdrawRequestId = Screens.newRequestId();
            withdrawalQuote = null;
            withdrawAmount = null;
            newCertificateNo = null;
        }
    }

    /** A withdrawal of everything (销户): what it pays, line by line. */
    public void prepareClosing() {
        withdrawAmount = null;
        prepareWithdrawal();
    }

    /**
     * First step of a renewal at the counter: the interest it pays today (the slip of the term and
     * the overdue days) and what the new term earns on what is renewed.
     */
    public void prepareRenewal() {
        TermDeposits.RenewalQuote quote = Screens.attempt("renew:term",
                () -> deposits.quoteRenewal(deposit.accountNumber(), renewProduct, renewWithInterest));
        renewalSlip = quote == null ? null : quote.slip();
        renewalQuote = quote == null ? null : quote.next();
    }

    /** A matured time deposit renewed at the counter (转存). */
    public void renew() {
        DepositReceipt done = Screens.attempt("renew:certificate", () -> deposits.renew(new TermDeposits.Renewing(
                deposit.accountNumber(), renewProduct, renewRenewal, renewWithInterest, renewCertificateNo), renewRequestId));
        if (done != null) {
            receipt = done;
            deposit = done.deposit();
            renewRequestId = Screens.newRequestId();
            renewCertificateNo = null;
            renewalQuote = null;
        }
    }

    /** Whether the deposit shown is a time deposit payable as matured today (it may be renewed at the counter). */
    public boolean isRenewable() {
        return isOpen() && deposit.payableFrom() != null && !deposit.payableFrom().isAfter(calendar.today());
    }

    public List<String> getTerms() {
        return Arrays.stream(DepositProduct.values()).filter(DepositProduct::isTime).map(Enum::name).toList();
    }

    public void reportLoss() {
        changeLoss(() -> losses.report(deposit.accountNumber(), deposit.certificateNo(), lossKind, idNumber,
                lossRequestId));
    }

    public void releaseLoss() {
        changeLoss(() -> losses.release(deposit.accountNumber(), idNumber, lossRequestId));
    }

    public void reissue() {
        changeLoss(() -> awaitingApproval(Pending.REISSUE,
                () -> losses.reissue(deposit.accountNumber(), idNumber, reissueCertificateNo, lossRequestId)));
    }

    private void changeLoss(Supplier<DepositView> change) {
        DepositView changed = Screens.attempt("loss:id", change);
        if (changed != null) {
            deposit = changed;
            lossRequestId = Screens.newRequestId();
            reissueCertificateNo = null;
        }
    }

    public void registerNotice() {
        DepositView changed = Screens.attempt("notice:date", () -> deposits.registerNotice(deposit.accountNumber(),
                noticeDate, noticeAmount, noticeRequestId));
        if (changed != null) {
            deposit = changed;
            noticeRequestId = Screens.newRequestId();
        }
    }

    public void cancelNotice() {
        DepositView changed = Screens.attempt("notice:date", () -> deposits.cancelNotice(deposit.accountNumber(),
                noticeRequestId));
        if (changed != null) {
            deposit = changed;
            noticeRequestId = Screens.newRequestId();
        }
    }

    /** Runs a write that may need a supervisor: if it does, this screen waits for the decision (null meanwhile). */
    private <T> T awaitingApproval(Pending write, Supplier<T> operation) {
        T result = approval.run(operation);
        pending = result == null ? write : null;
        return result;
    }

    /** Poll while waiting: an approval submits the write again, a rejection ends the wait. */
    public void checkApproval() {
        switch (approval.check()) {
            case APPROVED -> resume();
            case REJECTED -> pending = null;
            default -> {
                return; // still waiting: nothing on the screen changes, so what the supervisor types stays
            }
        }
        PrimeFaces.current().ajax().update("deposit", "open", "messages");
    }

    /** 现场授权: the supervisor signs in on this screen; the write then completes. */
    public void approveOnTheSpot() {
        if (approval.approveOnTheSpot()) {
            resume();
        }
    }

    /** The teller gives up waiting: the request stays for the record, the form keeps what was typed. */
    public void cancelApproval() {
        approval.cancel();
        pending = null;
    }

    /** The write that waited runs now (the same request again). */
    private void resume() {
        Pending write = pending;
        pending = null;
        if (write == null) {
            approval.cancel();
            return;
        }
        switch (write) {
            case OPEN -> open();
            case WITHDRAW -> withdraw();
            case REISSUE -> reissue();
        }
    }

    public ApprovalWait getApproval() {
        return approval;
    }

    /** The products a teller opens: the time deposits' terms and the notice deposits. */
    public List<String> getProducts() {
        return Arrays.stream(DepositProduct.values()).filter(p -> p.isTime() || p.isNotice()).map(Enum::name).toList();
    }

    public List<String> getRenewals() {
        return Arrays.stream(Renewal.values()).map(Enum::name).toList();
    }

    public boolean isTime() {
        return product != null && product.startsWith("TIME_");
    }

    public boolean isOpen() {
        return deposit != null && !"CLOSED".equals(deposit.status());
    }

    public boolean isNotice() {
        return deposit != null && deposit.product().startsWith("NOTICE_");
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<DepositView> getFound() {
        return found;
    }

    public DepositView getDeposit() {
        return deposit;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getFromAccount() {
        return fromAccount;
    }

    public void setFromAccount(String fromAccount) {
        this.fromAccount = fromAccount;
    }

    public String getRenewal() {
        return renewal;
    }

    public void setRenewal(String renewal) {
        this.renewal = renewal;
    }

    public String getSettlementAccount() {
        return settlementAccount;
    }

    public void setSettlementAccount(String settlementAccount) {
        this.settlementAccount = settlementAccount;
    }

    public String getCertificateNo() {
        return certificateNo;
    }

    public void setCertificateNo(String certificateNo) {
        this.certificateNo = certificateNo;
    }

    public TermDeposits.OpeningQuote getOpeningQuote() {
        return openingQuote;
    }

    public String getOpenCapitals() {
        return openCapitals;
    }

    public String getWithdrawAmount() {
        return withdrawAmount;
    }

    public void setWithdrawAmount(String withdrawAmount) {
        this.withdrawAmount = withdrawAmount;
    }

    public String getToAccount() {
        return toAccount;
    }

    public void setToAccount(String toAccount) {
        this.toAccount = toAccount;
    }

    public String getNewCertificateNo() {
        return newCertificateNo;
    }

    public void setNewCertificateNo(String newCertificateNo) {
        this.newCertificateNo = newCertificateNo;
    }

    public DepositReceipt getWithdrawalQuote() {
        return withdrawalQuote;
    }

    public String getNoticeDate() {
        return noticeDate;
    }

    public void setNoticeDate(String noticeDate) {
        this.noticeDate = noticeDate;
    }

    public String getNoticeAmount() {
        return noticeAmount;
    }

    public void setNoticeAmount(String noticeAmount) {
        this.noticeAmount = noticeAmount;
    }

    public String getRenewProduct() {
        return renewProduct;
    }

    public void setRenewProduct(String renewProduct) {
        this.renewProduct = renewProduct;
    }

    public String getRenewRenewal() {
        return renewRenewal;
    }

    public void setRenewRenewal(String renewRenewal) {
        this.renewRenewal = renewRenewal;
    }

    public boolean isRenewWithInterest() {
        return renewWithInterest;
    }

    public void setRenewWithInterest(boolean renewWithInterest) {
        this.renewWithInterest = renewWithInterest;
    }

    public SlipView getRenewalSlip() {
        return renewalSlip;
    }

    public TermDeposits.OpeningQuote getRenewalQuote() {
        return renewalQuote;
    }

    public String getRenewCertificateNo() {
        return renewCertificateNo;
    }

    public void setRenewCertificateNo(String renewCertificateNo) {
        this.renewCertificateNo = renewCertificateNo;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getLossKind() {
        return lossKind;
    }

    public void setLossKind(String lossKind) {
        this.lossKind = lossKind;
    }

    public String getReissueCertificateNo() {
        return reissueCertificateNo;
    }

    public void setReissueCertificateNo(String reissueCertificateNo) {
        this.reissueCertificateNo = reissueCertificateNo;
    }

    public DepositReceipt getReceipt() {
        return receipt;
    }
}
