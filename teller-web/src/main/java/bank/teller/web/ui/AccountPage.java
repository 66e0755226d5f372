package bank.teller.web.ui;

import bank.teller.account.application.AccountClosing;
import bank.teller.account.application.AccountDormancy;
import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.ClosingResult;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.RestrictionView;
import bank.teller.account.application.Adjustments;
import bank.teller.account.application.Reversals;
import bank.teller.account.application.Transfers;
import bank.teller.account.application.Vouchers;
import bank.teller.account.domain.AccountType;
import bank.teller.approval.application.ApprovalView;
import bank.teller.approval.application.Approvals;
import bank.teller.deposit.application.DemandInterest;
import bank.teller.fee.application.FeeQuote;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ChineseCapitalAmount;
import bank.teller.shared.Money;
import bank.teller.voucher.domain.VoucherContent;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.primefaces.PrimeFaces;

/**
 * The account screen: the account, one form for cash deposit, cash withdrawal and transfer (checked,
 * then confirmed in words, then posted), and the latest transactions.
 */
@Named
@ViewScoped
public class AccountPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the teller is doing on this account. */
    public enum Operation { DEPOSIT, WITHDRAWAL, TRANSFER, CLOSE }

    @EJB
    private AccountQueries queries;
    @EJB
    private DemandInterest interest;
    @EJB
    private CashDeposits deposits;
    @EJB
    private CashWithdrawals withdrawals;
    @EJB
    private Transfers transfers;
    @EJB
    private AccountRestrictions restrictions;
    @EJB
    private AccountClosing closing;
    @EJB
    private Vouchers vouchers;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AccountDormancy dormancy;
    @EJB
    private Approvals approvals;
    @EJB
    private Reversals reversals;
    @EJB
    private Adjustments adjustments;

    private String number;
    private AccountView account;
    private DemandInterest.InterestToDate interestToDate;
    private TransactionsModel transactions;
    private LocalDate from;
    private LocalDate to;
    private List<RestrictionView> restrictionsInForce = List.of();
    private Operation operation = Operation.DEPOSIT;
    private String amount;
    private String payee;
    private String requestId = Screens.newRequestId();
    private String confirmText;
    private String confirmCapitals;
    private String confirmFee;
    private VoucherContent voucher;
    private ApprovalWait approval;
    private List<ApprovalView> pendingApprovals = List.of();
    private Long reversalEntry;
    private String reversalReason;
    private Long adjustmentEntry;
    private String adjustmentSide = "CREDIT";
    private String adjustmentAmount;
    private String adjustmentReason;

    @PostConstruct
    void init() {
        approval = new ApprovalWait(approvals);
    }

    /** viewAction: loads the account named in the URL, if any. */
    public void load() {
        if (number == null || number.isBlank()) {
            return;
        }
        account = Screens.attempt("find:number", () -> queries.account(number));
        interestToDate = account == null ? null : Screens.attempt(null, () -> interest.toDate(account.accountNumber()));
        if (to == null) {
            to = calendar.today();
            from = to.withDayOfMonth(1);
        }
        filter();
        restrictionsInForce = account == null ? List.of() : restrictions.inForce(account.accountNumber());
        pendingApprovals = account == null ? List.of() : approvals.pendingFor(account.accountNumber());
    }

    public String find() {
        AccountView found = Screens.attempt("find:number", () -> queries.account(number));
        return found == null ? null : "/app/account.xhtml?faces-redirect=true&number=" + found.accountNumber();
    }

    /** First step: checks the amount (and the payee) and says in words what will happen. */
    public void prepare() {
        confirmText = null;
        confirmCapitals = null;
        confirmFee = null;
        if (operation == Operation.CLOSE) {
            prepareClosing();
            return;
        }
        Money parsed = Screens.attempt("posting:amount", () -> Money.parse(amount, Money.CNY).requirePositive());
        if (parsed == null) {
            return;
        }
        String shown = parsed.toPlainString();
        confirmCapitals = "人民币" + ChineseCapitalAmount.of(parsed);
        String transactionType = switch (operation) {
            case DEPOSIT -> CashDeposits.OPERATION;
            case WITHDRAWAL -> CashWithdrawals.OPERATION;
            default -> Transfers.OPERATION;
        };
        FeeQuote quote = Screens.attempt("posting:amount", () -> queries.feeQuote(account.accountNumber(), transactionType, shown));
        if (quote == null) {
            confirmCapitals = null;
            return;
        }
        confirmFee = quote.fee() + " " + quote.currency() + (quote.ruleId() == null ? ""
                : " (" + (Screens.chinese() ? quote.descriptionZh() : quote.descriptionEn()) + ")");
        confirmText = switch (operation) {
            case DEPOSIT -> Screens.text("deposit.confirm.text", shown, account.accountNumber(), account.holderName());
            case WITHDRAWAL -> Screens.text("withdrawal.confirm.text", shown, account.accountNumber(), account.holderName());
            case TRANSFER -> {
                AccountView to = Screens.attempt("posting:payee", () -> queries.account(payee));
                yield to == null ? null : Screens.text("transfer.confirm.text", shown, account.accountNumber(),
                        account.holderName(), to.accountNumber(), to.holderName());
            }
            case CLOSE -> throw new IllegalStateException("a closing is prepared by prepareClosing");
        };
    }

    private void prepareClosing() {
        String balance = account.balance();
        confirmCapitals = "人民币" + ChineseCapitalAmount.of(Money.cny(balance));
        if (payee == null || payee.isBlank()) {
            confirmText = Screens.text("close.confirm.cash", balance, account.accountNumber(), account.holderName());
            return;
        }
        AccountView to = Screens.attempt("posting:payee", () -> queries.account(payee));
        confirmText = to == null ? null : Screens.text("close.confirm.transfer", balance, account.accountNumber(),
                account.holderName(), to.accountNumber(), to.holderName());
    }

    /** Second step, after the teller confirmed with the customer: posts. */
    public void post() {
        String accountNumber = account.accountNumber();
        if (operation == Operation.CLOSE) {
            ClosingResult closed = Screens.attempt("posting:payee",
                    () -> orAwaitApproval(() -> closing.close(accountNumber, payee, requestId)));
            if (closed != null) {
                Screens.info(Screens.text("close.done", closed.accountNumber(), closed.paidOut()));
                showVoucher(closed.voucherNo());
                done();
            }
            return;
        }
        Receipt receipt = Screens.attempt("posting:amount", () -> orAwaitApproval(() -> switch (operation) {
            case DEPOSIT -> deposits.deposit(accountNumber, amount, Money.CNY, requestId);
            case WITHDRAWAL -> withdrawals.withdraw(accountNumber, amount, Money.CNY, requestId);
            case TRANSFER -> transfers.transfer(accountNumber, payee, amount, Money.CNY, requestId);
            case CLOSE -> throw new IllegalStateException("a closing is posted above");
        }));
        if (receipt == null) {
            return;
        }
        // a credit to a hot account is in its balance within a second: its receipt has no balance after
        String done = operation.name().toLowerCase() + (receipt.balanceAfter() == null ? ".done.pending" : ".done");
        Screens.info(Screens.text(done, receipt.amount(), receipt.balanceAfter(),
                receipt.entryId(), receipt.counterpartyAccountNumber()));
        showVoucher(receipt.voucherNo());
        done();
    }

    /** Runs the operation, or, when it needs a supervisor, waits on this screen for the decision. */
    private <T> T orAwaitApproval(Supplier<T> operation) {
        return approval.run(operation);
    }

    /** Poll while waiting: an approval completes the transaction, a rejection ends it. */
    public void checkApproval() {
        switch (approval.check()) {
            case APPROVED -> resume();
            case REJECTED -> done();
            default -> {
                return; // still waiting: nothing on the screen changes, so what the supervisor types stays
            }
        }
        PrimeFaces.current().ajax().update("account-content", "messages");
    }

    /** 现场授权: the supervisor signs in on this screen; the transaction then completes. */
    public void approveOnTheSpot() {
        if (approval.approveOnTheSpot()) {
            resume();
        }
    }

    /** What waited for the approval runs now (the same request again). */
    private void resume() {
        if (reversalEntry != null) {
            reverse();
        } else if (adjustmentEntry != null) {
            adjust();
        } else {
            post();
        }
    }

    /** 冲正 of one of today's postings of this account, with its reason; always waits for a supervisor. */
    public void reverse() {
        Receipt reversal = Screens.attempt("reversal:entry",
                () -> orAwaitApproval(() -> reversals.reverse(reversalEntry, reversalReason, requestId)));
        if (reversal != null) {
            Screens.info(Screens.text("tx.reversed", reversalEntry, reversal.entryId()));
            showVoucher(reversal.voucherNo());
            done();
        }
    }

    /**
     * 错账调整 of this account's line in a posting of an earlier business day (no longer reversible):
     * credited or debited against the suspense account, with its reason; always waits for a supervisor.
     */
    public void adjust() {
        Receipt adjustment = Screens.attempt("adjustment:entry", () -> orAwaitApproval(() -> adjustments.adjust(
                adjustmentEntry == null ? 0 : adjustmentEntry, account.accountNumber(), adjustmentSide, adjustmentAmount,
                adjustmentReason, requestId)));
        if (adjustment != null) {
            Screens.info(Screens.text("tx.adjusted", adjustmentEntry, adjustment.entryId()));
            showVoucher(adjustment.voucherNo());
            done();
        }
    }

    public Long getAdjustmentEntry() {
        return adjustmentEntry;
    }

    public void setAdjustmentEntry(Long adjustmentEntry) {
        this.adjustmentEntry = adjustmentEntry;
    }

    public String getAdjustmentSide() {
        return adjustmentSide;
    }

    public void setAdjustmentSide(String adjustmentSide) {
        this.adjustmentSide = adjustmentSide;
    }

    public String getAdjustmentAmount() {
        return adjustmentAmount;
    }

    public void setAdjustmentAmount(String adjustmentAmount) {
        this.adjustmentAmount = adjustmentAmount;
    }

    public String getAdjustmentReason() {
        return adjustmentReason;
    }

    public void setAdjustmentReason(String adjustmentReason) {
        this.adjustmentReason = adjustmentReason;
    }

    public Long getReversalEntry() {
        return reversalEntry;
    }

    public void setReversalEntry(Long reversalEntry) {
        this.reversalEntry = reversalEntry;
    }

    public String getReversalReason() {
        return reversalReason;
    }

    public void setReversalReason(String reversalReason) {
        this.reversalReason = reversalReason;
    }

    /** The teller gives up waiting: the request stays for the record but this screen starts afresh. */
    public void cancelApproval() {
        approval.cancel();
        done();
    }

    /** Requests about this account waiting for a supervisor today. */
    public List<ApprovalView> getPendingApprovals() {
        return pendingApprovals;
    }

    public ApprovalWait getApproval() {
        return approval;
    }

    /** 久悬激活: the customer is at the counter; the dormant account takes postings again. */
    public void reactivate() {
        AccountView active = Screens.attempt(null, () -> dormancy.reactivate(account.accountNumber(), requestId));
        if (active != null) {
            Screens.info(Screens.text("account.reactivated", active.accountNumber()));
            done();
        }
    }

    private void showVoucher(String voucherNo) {
        voucher = voucherNo == null ? null : vouchers.voucher(voucherNo);
    }

    /** The teller marks that the customer signed the voucher (签字确认). */
    public void confirmVoucher() {
        VoucherContent confirmed = Screens.attempt(null, () -> vouchers.confirm(voucher.voucherNo()));
        if (confirmed != null) {
            voucher = confirmed;
        }
    }

    public VoucherContent getVoucher() {
        return voucher;
    }

    private void done() {
        amount = null;
        payee = null;
        confirmText = null;
        confirmCapitals = null;
        confirmFee = null;
        reversalEntry = null;
        reversalReason = null;
        adjustmentEntry = null;
        adjustmentSide = "CREDIT";
        adjustmentAmount = null;
        adjustmentReason = null;
        requestId = Screens.newRequestId();
        load();
    }

    /** The operation's name in the user's language. */
    public String label(Operation op) {
        return op == null ? "" : Screens.text("operation." + op.name());
    }

    /** A function key's choice of the transaction (F2 deposit, F4 withdrawal, F8 transfer). */
    public void choose(String chosen) {
        operation = Operation.valueOf(chosen);
        confirmText = null;
    }

    /** The amount typed so far in capitals (人民币壹佰元整), or nothing while it is not an amount. */
    public String getTypedCapitals() {
        try {
            Money typed = Money.parse(amount, Money.CNY);
            return typed.amount().signum() > 0 ? "人民币" + ChineseCapitalAmount.of(typed) : "";
        } catch (RuntimeException notYetAnAmount) {
            return "";
        }
    }

    public Operation[] getOperations() {
        return Operation.values();
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    /** Whether the account's type takes a debit card (the cards section shows). */
    public boolean takesCards() {
        return account != null && AccountType.valueOf(account.accountType()).takesCards();
    }

    public DemandInterest.InterestToDate getInterestToDate() {
        return interestToDate;
    }

    public AccountView getAccount() {
        return account;
    }

    public List<RestrictionView> getRestrictions() {
        return restrictionsInForce;
    }

    /** Shows the postings within the chosen dates (and is the period of the statement links). */
    public void filter() {
        if (from != null && to != null && from.isAfter(to)) {
            Screens.error("transactions-filter:from", Screens.text("tx.filter.order"));
            return;
        }
        transactions = account == null ? null : new TransactionsModel(queries, account.accountNumber(), from, to);
    }

    public TransactionsModel getTransactions() {
        return transactions;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Operation getOperation() {
        return operation;
    }

    public void setOperation(Operation operation) {
        this.operation = operation;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getPayee() {
        return payee;
    }

    public void setPayee(String payee) {
        this.payee = payee;
    }

    public String getConfirmText() {
        return confirmText;
    }

    /** The amount as the customer wrote it on the paper slip (大写金额), to compare before confirming. */
    public String getConfirmFee() {
        return confirmFee;
    }

    public String getConfirmCapitals() {
        return confirmCapitals;
    }
}
