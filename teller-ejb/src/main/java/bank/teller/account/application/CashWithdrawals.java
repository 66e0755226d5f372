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
 * Cash withdrawal (现金取款): Dr the customer's account / Cr till cash (and its fee, if any: Dr the
 * account / Cr fee income), refused when the available balance does not cover amount and fee or
 * the account type pays no cash. Idempotent on the request id like every posting.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.TERMINAL})
public class CashWithdrawals {

    public static final String OPERATION = "CASH_WITHDRAWAL";

    @Inject
    private Accounts accounts;
    @EJB
    private PostingRequests postings;
    @Inject
    private AccountMovements movements;
    @EJB
    private Approvals approvals;

    public Receipt withdraw(String accountNumber, String amountText, String currency, String requestId) {
        AccountNumber number = accounts.resolve(accountNumber);
        Money amount = Money.parse(amountText, currency).requirePositive();
        String fingerprint = number + "|" + amount;
        return postings.post(OPERATION, requestId, fingerprint, number.value(), null, () -> {
            Account account = accounts.lockForBalanceChange(number);
            Money fee = movements.fee(OPERATION, account, amount);
            movements.requireCovers(account, amount.plus(fee));
            Money balanceAfter = movements.debit(account, amount, Movement.CASH, requestId);
            List<PostingLine> lines = new ArrayList<>(List.of(
                    PostingLine.customer(account.glCode(), number.value(), Side.DEBIT, amount, balanceAfter),
                    PostingLine.gl(GlCodes.TILL_CASH, Side.CREDIT, amount)));
            lines.addAll(movements.chargeFee(account, fee, requestId));
            // last, so only a request that passes every check waits for a supervisor
            approvals.requireApproval(OPERATION, requestId, fingerprint, amount, number.value(),
                    TransactionNames.of(OPERATION) + " " + amount + " " + number);
            return lines;
        });
    }
}
