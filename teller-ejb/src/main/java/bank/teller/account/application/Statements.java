package bank.teller.account.application;

import bank.teller.account.domain.AccountNumber;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Jdbc;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.Pdfs;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    @Inject
    private Jdbc jdbc;

    @Inject
    private Accounts accounts;
    @EJB
    private AccountQueries queries;
    @Inject
    private BusinessCalendar calendar;

    public Statement statement(String accountNumber, LocalDate from, LocalDate to) {
        AccountNumber number = accounts.resolve(accountNumber);
        return statements(List.of(number.value()), from, to).get(0);
    }

    /**
     * The statements of up to {@link AccountQueries#MAX_PAGE_SIZE} accounts for one period, in the
     * order asked, read by six queries whatever their number (end of day writes a chunk's at once).
     */
    public List<Statement> statements(List<String> accountNumbers, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to) || to.isAfter(calendar.today())
                || from.isBefore(to.minusYears(MAX_YEARS))) {
            throw new TellerException(ErrorCode.STATEMENT_PERIOD_INVALID, from, to, MAX_YEARS);
        }
        List<AccountView> read = queries.accounts(accountNumbers);
        List<String> numbers = read.stream().map(AccountView::accountNumber).toList();
        String in = " l.account_number IN (" + String.join(", ", Collections.nCopies(numbers.size(), "?")) + ")";
        // the postings before the period, summed: a hot account's last line may be a pending credit,
        // which has no balance after
        Map<String, BigDecimal> before = jdbc.query("SELECT l.account_number, "
                        + "SUM(CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END) "
                        + "FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE" + in
                        + " AND e.business_date < " + Jdbc.date(from) + " GROUP BY l.account_number",
                row -> Map.entry(row.getString(1), row.getBigDecimal(2)), numbers.toArray()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, List<AccountTransaction>> lines = jdbc.query("SELECT l.account_number, e.id, e.business_date, "
                        + "e.posted_at, e.entry_type, l.side, l.amount, l.currency, l.balance_after, e.teller "
                        + "FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
                        + "WHERE" + in + " AND e.business_date BETWEEN " + Jdbc.date(from) + " AND " + Jdbc.date(to)
                        + " ORDER BY l.account_number, e.id, l.line_no",
                row -> Map.entry(row.getString(1), new AccountTransaction(row.getLong(2), row.getObject(3, LocalDate.class),
                        StoredTime.instant(row.getObject(4)), row.getString(5), row.getString(6),
                        row.getBigDecimal(7).toPlainString(), row.getString(8),
                        row.getBigDecimal(9) == null ? null : row.getBigDecimal(9).toPlainString(), row.getString(10))),
                numbers.toArray()).stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return read.stream().map(account -> Statement.of(account, from, to,
                Money.of(before.getOrDefault(account.accountNumber(), BigDecimal.ZERO), account.currency()),
                lines.getOrDefault(account.accountNumber(), List.of()))).toList();
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
