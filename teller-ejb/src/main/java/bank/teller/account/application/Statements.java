package bank.teller.account.application;

import bank.teller.account.domain.AccountNumber;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.Pdfs;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Account statements (对账单) for any period of business dates up to {@value #MAX_YEARS} years, as
 * data, PDF or CSV. Read in one transaction, so the opening balance and the lines are one snapshot.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
public class Statements {

    @EJB
    private AuditTrail audit;

    public static final int MAX_YEARS = 5;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @EJB
    private AccountQueries queries;
    @Inject
    private BusinessCalendar calendar;

    public Statement statement(String accountNumber, LocalDate from, LocalDate to) {
        AccountNumber number = accounts.resolve(accountNumber);
        if (from == null || to == null || from.isAfter(to) || to.isAfter(calendar.today())
                || from.isBefore(to.minusYears(MAX_YEARS))) {
            throw new TellerException(ErrorCode.STATEMENT_PERIOD_INVALID, from, to, MAX_YEARS);
        }
        AccountView account = queries.account(number.value());
        // the postings before the period, summed: a hot account's last line may be a pending credit,
        // which has no balance after
        BigDecimal before = em.createQuery("SELECT SUM(CASE WHEN l.side = :credit THEN l.amount ELSE -l.amount END) "
                        + "FROM JournalLine l JOIN l.entry e WHERE l.accountNumber = :number AND e.businessDate < :from",
                        BigDecimal.class)
                .setParameter("credit", Side.CREDIT).setParameter("number", number.value()).setParameter("from", from)
                .getSingleResult();
        Money opening = Money.of(before == null ? BigDecimal.ZERO : before, account.currency());
        List<AccountTransaction> lines = em.createQuery("SELECT l FROM JournalLine l JOIN FETCH l.entry e "
                        + "WHERE l.accountNumber = :number AND e.businessDate BETWEEN :from AND :to "
                        + "ORDER BY e.id, l.lineNo", JournalLine.class)
                .setParameter("number", number.value()).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(AccountQueries::transaction).toList();
        return Statement.of(account, from, to, opening, lines);
    }

    public byte[] pdf(String accountNumber, LocalDate from, LocalDate to) {
        byte[] pdf = StatementDocuments.pdf(Pdfs.BANK_NAME, statement(accountNumber, from, to));
        audit.record("EXPORT", accountNumber, "statement PDF " + from + " to " + to, AuditEvent.SUCCESS);
        return pdf;
    }

    public String csv(String accountNumber, LocalDate from, LocalDate to) {
        String csv = StatementDocuments.csv(statement(accountNumber, from, to));
        audit.record("EXPORT", accountNumber, "statement CSV " + from + " to " + to, AuditEvent.SUCCESS);
        return csv;
    }
}
