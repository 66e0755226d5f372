package bank.teller.deposit.application;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.DueAccountsStep;
import bank.teller.deposit.domain.DepositProduct;
import bank.teller.deposit.domain.DepositTerms;
import bank.teller.deposit.domain.Renewal;
import bank.teller.deposit.domain.TimeDeposit;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The overdue interest of matured time deposits that wait (逾期利息计提), as a step of end of day
 * after the maturities: what each one's days from maturity through the last day the end of day
 * covers have earned at each day's demand rate, less what is accrued already, is posted Dr interest
 * expense / Cr 应付利息, so the ledger owes it before the customer comes; the payout takes it out of
 * 应付利息 ({@link DepositBook#interestCost}). One entry per deposit and day, unique for its request
 * id, and the terms keep the day accrued through: a restart never accrues twice.
 */
@ApplicationScoped
public class OverdueAccruals extends DueAccountsStep {

    public static final String STEP = "overdue-accrual";
    public static final String ACCRUAL = "OVERDUE_INTEREST_ACCRUAL";

    /** The deposits that wait: open time deposits without renewal matured by the date, not accrued through it. */
    private static final String DUE = "FROM term_deposit t JOIN account a ON a.account_number = t.account_number "
            + "CROSS JOIN (SELECT CAST(? AS DATE) AS last_day) p WHERE a.status <> 'CLOSED' AND t.renewal = 'NONE' "
            + "AND t.product LIKE 'TIME%' AND t.matures_on <= p.last_day "
            + "AND (t.overdue_accrued_through IS NULL OR t.overdue_accrued_through < p.last_day)";

    @Inject
    private Accounts accounts;
    @Inject
    private DepositBook book;
    @Inject
    private RateTables rateTables;
    @Inject
    private Ledger ledger;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    public OverdueAccruals() {
        super(STEP, DUE);
    }

    @Override
    protected LocalDate dueBy(LocalDate closing) {
        return lastDay(closing);
    }

    @Override
    public Outcome process(String accountNumber, LocalDate closing) {
        LocalDate last = lastDay(closing);
        Account deposit = accounts.lockForPosting(new AccountNumber(accountNumber));
        DepositTerms terms = book.terms(deposit);
        if (deposit.status() == AccountStatus.CLOSED || !terms.product().isTime()) {
            return Outcome.skipped(accountNumber + " is no open time deposit");
        }
        TimeDeposit time = terms.time(deposit.balance());
        if (time.renewal() != Renewal.NONE || time.maturesOn().isAfter(last)) {
            return Outcome.skipped(accountNumber + " does not wait overdue");
        }
        if (terms.overdueAccruedThrough() != null && !terms.overdueAccruedThrough().isBefore(last)) {
            return Outcome.skipped(accountNumber + " accrued through " + last + " already");
        }
        Money owed = time.overdueThrough(last, rateTables.of(DepositProduct.DEMAND));
        Money accrued = terms.overdueAccrued(deposit.currency());
        Money day = owed.minus(accrued);
        terms.overdueAccrued(owed, last);
        if (day.isZero()) {
            return Outcome.skipped(accountNumber + " earned under half a fen more");
        }
        boolean owes = day.amount().signum() > 0;
        Money amount = owes ? day : accrued.minus(owed);
        String requestId = "overdue:" + accountNumber + ":" + last;
        JournalEntry entry = ledger.post(JournalEntry.balanced(ACCRUAL, closing, deposit.branchCode(),
                BusinessDays.SYSTEM_USER, requestId, StoredTime.now(clock), List.of(
                        PostingLine.gl(GlCodes.INTEREST_EXPENSE, owes ? Side.DEBIT : Side.CREDIT, amount),
                        PostingLine.gl(GlCodes.ACCRUED_INTEREST_PAYABLE, owes ? Side.CREDIT : Side.DEBIT, amount)))
                .requestedBy(BusinessDays.SYSTEM_USER, requestId));
        audit.record(ACCRUAL, accountNumber, "overdue interest from " + time.maturesOn() + " through " + last + ": "
                + owed + " (" + (owes ? "+" : "-") + amount + "), entry " + entry.id(), AuditEvent.SUCCESS);
        return Outcome.done();
    }
}
