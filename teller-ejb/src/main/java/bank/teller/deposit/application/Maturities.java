package bank.teller.deposit.application;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.DueAccountsStep;
import bank.teller.deposit.domain.DepositEvent;
import bank.teller.deposit.domain.DepositTerms;
import bank.teller.deposit.domain.RateTable;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Time deposits at maturity, as a step of end of day: every deposit maturing on the closing day or
 * the closed days after it is renewed (自动转存) for the same term at that day's rate, with or without
 * its interest as agreed (the interest of a principal-only renewal is paid to the holder's settlement
 * account; if that account is closed by then, it is renewed with the principal); one without renewal
 * is marked matured and waits, its overdue days earning the demand rate when it is paid. One entry
 * per renewal, unique for the deposit and the maturity, so a restart never renews twice.
 */
@ApplicationScoped
public class Maturities extends DueAccountsStep {

    public static final String STEP = "maturities";
    public static final String RENEWAL = "DEPOSIT_RENEWAL";

    /** The deposits due: open time deposits maturing by the date, not renewed yet or not yet marked matured. */
    private static final String DUE = "FROM term_deposit t JOIN account a ON a.account_number = t.account_number "
            + "WHERE a.status <> 'CLOSED' AND t.matures_on <= ? AND (t.renewal <> 'NONE' OR NOT EXISTS "
            + "(SELECT 1 FROM deposit_event e WHERE e.account_number = t.account_number AND e.kind = 'MATURED'))";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

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

    public Maturities() {
        super(STEP, DUE);
    }

    @Override
    protected LocalDate dueBy(LocalDate closing) {
        return lastDay(closing);
    }

    @Override
    public Outcome process(String accountNumber, LocalDate closing) {
        AccountNumber number = new AccountNumber(accountNumber);
        String settlement = em.find(DepositTerms.class, accountNumber).settlementAccount();
        // both at once, in the order every lock of several accounts takes
        Map<AccountNumber, Account> locked = settlement == null ? accounts.lockAllForPosting(number)
                : accounts.lockAllForPosting(number, new AccountNumber(settlement));
        Account deposit = locked.get(number);
        DepositTerms terms = book.terms(deposit);
        TimeDeposit time = terms.time(deposit.balance());
        if (deposit.status() == AccountStatus.CLOSED || time.maturesOn().isAfter(lastDay(closing))) {
            return Outcome.skipped(accountNumber + " not due");
        }
        Instant now = StoredTime.now(clock);
        if (time.renewal() == Renewal.NONE) {
            if (maturedAlready(accountNumber)) {
                return Outcome.skipped(accountNumber + " matured already");
            }
            em.persist(new DepositEvent(accountNumber, DepositEvent.Kind.MATURED, closing, terms.certificateNo(),
                    deposit.balance().amount(), null, "matured " + time.maturesOn() + ", waits for the customer",
                    BusinessDays.SYSTEM_USER, now));
            return Outcome.done();
        }
        TimeDeposit.Renewed renewed = time.renew(rateTables.of(time.product()));
        Money interest = renewed.slip().total();
        String note = null;
        List<PostingLine> lines = new ArrayList<>();
        if (!interest.isZero()) {
            lines.add(PostingLine.gl(GlCodes.INTEREST_EXPENSE, Side.DEBIT, interest));
            Account payee = renewed.interestPaidOut().isZero() || settlement == null ? null
                    : locked.get(new AccountNumber(settlement));
            if (payee != null && payee.status() == AccountStatus.CLOSED) {
                payee = null;
            }
            if (payee == null) {
                if (!renewed.interestPaidOut().isZero()) {
                    note = accountNumber + ": settlement account " + terms.settlementAccount()
                            + " closed, interest renewed with the principal";
                    renewed = time.withRenewal(Renewal.PRINCIPAL_AND_INTEREST).renew(rateTables.of(time.product()));
                }
                lines.add(PostingLine.customer(deposit.glCode(), accountNumber, Side.CREDIT, interest,
                        deposit.creditInterest(interest)));
            } else {
                lines.add(PostingLine.customer(payee.glCode(), payee.number().value(), Side.CREDIT, interest,
                        payee.creditInterest(interest)));
            }
        }
        Long entryId = null;
        if (!lines.isEmpty()) {
            String requestId = "renewal:" + accountNumber + ":" + time.maturesOn();
            JournalEntry entry = ledger.post(JournalEntry.balanced(RENEWAL, closing, deposit.branchCode(),
                    BusinessDays.SYSTEM_USER, requestId, now, lines).requestedBy(BusinessDays.SYSTEM_USER, requestId));
            entryId = entry.id();
        }
        TimeDeposit next = renewed.next();
        terms.apply(next);
        String detail = next.product() + " at " + RateTable.percent(next.rate()) + " % to " + next.maturesOn()
                + ", " + next.renewal();
        em.persist(new DepositEvent(accountNumber, DepositEvent.Kind.RENEWED, closing, terms.certificateNo(),
                next.principal().amount(), entryId, detail, BusinessDays.SYSTEM_USER, now).withSlip(renewed.slip()));
        audit.record(RENEWAL, accountNumber, "renewed " + time.maturesOn() + ": interest " + interest + ", " + detail
                + (entryId == null ? "" : ", entry " + entryId), AuditEvent.SUCCESS);
        return new Outcome(1, 0, note);
    }

    private boolean maturedAlready(String accountNumber) {
        return em.createQuery("SELECT COUNT(e) FROM DepositEvent e WHERE e.accountNumber = :account AND e.event = :matured",
                Long.class).setParameter("account", accountNumber)
                .setParameter("matured", DepositEvent.Kind.MATURED.name()).getSingleResult() > 0;
    }
}
