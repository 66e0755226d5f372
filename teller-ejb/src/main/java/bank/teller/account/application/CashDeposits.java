package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.Movement;
import bank.teller.approval.application.Approvals;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.Roles;
import bank.teller.shared.Money;
import bank.teller.shared.TransactionNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Cash deposit (现金存款): Dr till cash / Cr the customer's account (and the fee, if the schedule
 * has one: Dr the account / Cr fee income), the balance update and the message to the core system
 * in one JTA transaction. A replay of the same request id returns the first receipt and posts nothing.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.TERMINAL})
public class CashDeposits {

    public static final String OPERATION = "CASH_DEPOSIT";

    @Inject
    private Accounts accounts;
    @EJB
    private PostingRequests postings;
    @Inject
    private AccountMovements movements;
    @EJB
    private Approvals approvals;

    public Receipt deposit(String accountNumber, String amountText, String currency, String requestId) {
        AccountNumber number = accounts.resolve(accountNumber);
        Money amount = Money.parse(amountText, currency).requirePositive();
        String fingerprint = number + "|" + amount;
        return postings.post(OPERATION, requestId, fingerprint, number.value(), null, () -> {
            Account account = accounts.forCredit(number);
            Money balanceAfter = movements.credit(account, amount, Movement.CASH, requestId);
            List<PostingLine> lines = new ArrayList<>(List.of(
                    PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, amount),
                    PostingLine.customer(account.glCode(), number.value(), Side.CREDIT, amount, balanceAfter)));
            lines.addAll(movements.chargeFee(account, movements.fee(OPERATION, account, amount), requestId));
            // last, so only a request that passes every check waits for a supervisor
            approvals.requireApproval(OPERATION, requestId, fingerprint, amount, number.value(),
                    TransactionNames.of(OPERATION) + " " + amount + " " + number);
            return lines;
        });
    }
}
