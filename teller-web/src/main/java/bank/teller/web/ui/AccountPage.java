package bank.teller.web.ui;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountTransaction;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.DepositReceipt;
import bank.teller.shared.Money;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The account screen: the account, a cash deposit form and the latest transactions. */
@Named
@ViewScoped
public class AccountPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 50;

    @EJB
    private AccountQueries queries;
    @EJB
    private CashDeposits deposits;

    private String number;
    private AccountView account;
    private List<AccountTransaction> transactions = List.of();
    private String amount;
    private String requestId = Screens.newRequestId();
    private String confirmText;

    /** viewAction: loads the account named in the URL, if any. */
    public void load() {
        if (number == null || number.isBlank()) {
            return;
        }
        account = Screens.attempt("find:number", () -> queries.account(number));
        transactions = account == null ? List.of() : queries.transactions(account.accountNumber(), 0, SHOWN);
    }

    public String find() {
        AccountView found = Screens.attempt("find:number", () -> queries.account(number));
        return found == null ? null : "/app/account.xhtml?faces-redirect=true&number=" + found.accountNumber();
    }

    /** First step of a deposit: checks the amount and shows the confirmation in words. */
    public void prepareDeposit() {
        Money parsed = Screens.attempt("deposit:amount", () -> Money.parse(amount, Money.CNY).requirePositive());
        confirmText = parsed == null ? null
                : Screens.text("deposit.confirm.text", parsed.toPlainString(), account.accountNumber(), account.holderName());
    }

    /** Second step, after the teller confirmed: posts the deposit. */
    public void deposit() {
        DepositReceipt receipt = Screens.attempt("deposit:amount",
                () -> deposits.deposit(account.accountNumber(), amount, Money.CNY, requestId));
        if (receipt == null) {
            return;
        }
        Screens.info(Screens.text("deposit.done", receipt.amount(), receipt.balanceAfter(), receipt.entryId()));
        amount = null;
        requestId = Screens.newRequestId();
        load();
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public AccountView getAccount() {
        return account;
    }

    public List<AccountTransaction> getTransactions() {
        return transactions;
    }

    public String getConfirmText() {
        return confirmText;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
