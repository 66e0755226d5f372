package bank.teller.deposit.application;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.DueAccountsStep;
import bank.teller.deposit.domain.CertificateLoss;
import bank.teller.deposit.domain.DepositEvent;
import bank.teller.shared.StoredTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Oral loss reports not followed in writing lapse after their days (口头挂失 {@value
 * CertificateLoss#ORAL_DAYS} 天后失效), as a step of end of day: payment on the deposit resumes.
 */
@ApplicationScoped
public class LossReportLapses extends DueAccountsStep {

    public static final String STEP = "loss-lapses";

    /** Oral reports in force whose last day is by the date given (their report day is by it less the days). */
    private static final String DUE = "FROM certificate_loss l JOIN account a ON a.account_number = l.account_number "
            + "WHERE l.status = 'ACTIVE' AND l.kind = 'ORAL' AND l.reported_on <= ?";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private DepositBook book;

    private final Clock clock = Clock.systemUTC();

    public LossReportLapses() {
        super(STEP, DUE);
    }

    /** Oral reports made by this day have lapsed by the last day the end of day covers. */
    @Override
    protected LocalDate dueBy(LocalDate closing) {
        return lastDay(closing).minusDays(CertificateLoss.ORAL_DAYS);
    }

    @Override
    public Outcome process(String accountNumber, LocalDate closing) {
        Account deposit = accounts.lockForPosting(new AccountNumber(accountNumber));
        CertificateLoss loss = book.activeLoss(accountNumber);
        if (loss == null || !loss.lapse(lastDay(closing), BusinessDays.SYSTEM_USER)) {
            return Outcome.skipped(accountNumber + " has no oral loss report to lapse");
        }
        em.persist(new DepositEvent(deposit.number().value(), DepositEvent.Kind.LOSS_LAPSED, closing,
                loss.certificateNo(), null, null, "oral report of " + loss.reportedOn() + " not followed in writing",
                BusinessDays.SYSTEM_USER, StoredTime.now(clock)));
        return Outcome.done();
    }
}
