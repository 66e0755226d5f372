package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.Movement;
import bank.teller.approval.application.Approvals;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.TransactionNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Transfer between two accounts of the bank (行内转账): Dr payer / Cr payee in one entry, with the
 * payer's fee (if the schedule has one) as its own lines. Both accounts are locked in
 * account-number order, so two opposite transfers cannot deadlock.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.CHANNEL, Roles.TERMINAL})
public class Transfers {

    public static final String OPERATION = "TRANSFER";

    @Inject
    private Accounts accounts;
    @EJB
    private PostingRequests postings;
    @Inject
    private AccountMovements movements;
    @EJB
    private Approvals approvals;

    public Receipt transfer(String payerAccount, String payeeAccount, String amountText, String currency,
                            String requestId) {
        AccountNumber payerNumber = accounts.resolve(payerAccount);
        AccountNumber payeeNumber = accounts.resolve(payeeAccount);
        if (payerNumber.equals(payeeNumber)) {
            throw new TellerException(ErrorCode.TRANSFER_TO_SAME_ACCOUNT, payerNumber.value());
        }
        Money amount = Money.parse(amountText, currency).requirePositive();
        String fingerprint = payerNumber + ">" + payeeNumber + "|" + amount;
        return postings.post(OPERATION, requestId, fingerprint, payerNumber.value(), payeeNumber.value(), () -> {
            Map<AccountNumber, Account> locked = accounts.forTransfer(payerNumber, payeeNumber);
            Account payer = locked.get(payerNumber);
            Account payee = locked.get(payeeNumber);
            Movement movement = movements.transferBetween(payer, payee);
            Money fee = movements.fee(OPERATION, payer, amount);
            movements.requireCovers(payer, amount.plus(fee));
            Money payerAfter = movements.debit(payer, amount, movement, requestId);
            Money payeeAfter = movements.credit(payee, amount, movement, requestId);
            List<PostingLine> lines = new ArrayList<>(List.of(
                    PostingLine.customer(payer.glCode(), payerNumber.value(), Side.DEBIT, amount, payerAfter),
                    PostingLine.customer(payee.glCode(), payeeNumber.value(), Side.CREDIT, amount, payeeAfter)));
            lines.addAll(movements.chargeFee(payer, fee, requestId));
            // last, so only a request that passes every check waits for a supervisor
            approvals.requireApproval(OPERATION, requestId, fingerprint, amount, payerNumber.value(),
                    TransactionNames.of(OPERATION) + " " + amount + " " + payerNumber + " > " + payeeNumber);
            return lines;
        });
    }
}
