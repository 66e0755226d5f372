package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.approval.application.Approvals;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.shared.TransactionNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Adjustment (错账调整) of a posting of an earlier business day, which can no longer be reversed:
 * the customer account is credited or debited against the suspense account (待处理挂账), where the
 * other side is settled by the back office; the entry names the posting it corrects and why, and
 * always waits for a supervisor's approval.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Adjustments {

    public static final String OPERATION = "ADJUSTMENT";

    @Inject
    private Ledger ledger;
    @Inject
    private Accounts accounts;
    @EJB
    private PostingRequests postings;
    @EJB
    private Approvals approvals;
    @Inject
    private BusinessCalendar calendar;

    /**
     * @param side CREDIT to give the customer money back, DEBIT to take back what was credited wrongly
     */
    public Receipt adjust(long entryId, String accountNumber, String side, String amountText, String reason,
                          String requestId) {
        String why = Text.required("reason", reason, Reversals.REASON_MAX);
        AccountNumber number = new AccountNumber(accountNumber);
        Money amount = Money.parse(amountText, Money.CNY).requirePositive();
        Side customerSide = "CREDIT".equals(side) ? Side.CREDIT : "DEBIT".equals(side) ? Side.DEBIT : null;
        if (customerSide == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "side", String.valueOf(side));
        }
        JournalEntry original = ledger.entry(entryId);
        if (original == null || original.lines().stream().noneMatch(l -> number.value().equals(l.accountNumber()))) {
            throw new TellerException(ErrorCode.ENTRY_NOT_FOUND, entryId);
        }
        if (original.businessDate().equals(calendar.today())) {
            throw new TellerException(ErrorCode.ADJUSTMENT_SAME_DAY, entryId);
        }
        String fingerprint = entryId + "|" + number + "|" + customerSide + "|" + amount;
        return postings.post(OPERATION, requestId, fingerprint, number.value(), null, () -> {
            Account account = accounts.lockForPosting(number);
            Money after = customerSide == Side.CREDIT ? account.credit(amount)
                    : account.debit(amount, accounts.unreleasedRestrictionsOf(number), calendar.today());
            approvals.requireApproval(OPERATION, requestId, fingerprint, amount, number.value(),
                    TransactionNames.of(OPERATION) + " #" + entryId + " " + customerSide + " " + amount + " " + number);
            return List.of(
                    PostingLine.customer(account.glCode(), number.value(), customerSide, amount, after),
                    PostingLine.gl(GlCodes.SUSPENSE, customerSide == Side.CREDIT ? Side.DEBIT : Side.CREDIT, amount));
        }, entry -> entry.adjusts(entryId, why));
    }
}
