package bank.teller.ledger.application;

import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.platform.Branches;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The trial balance (试算平衡): Σ debit = Σ credit over the whole journal, every entry balanced,
 * every customer account's balance equal to the sum of its journal lines, every GL control
 * account equal to the sum of its customer accounts, and every till's cash equal to its till-cash
 * lines ({@link LedgerCheck}). Run by the {@code trial-balance} batch job and end of day, writing a
 * {@link TrialBalanceReport}; {@link #check} runs the same comparison for a supervisor at any time.
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class TrialBalance {

    private static final String SIGNED = "CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END";
    /** A till-cash line as cash come in (Dr) or gone out (Cr). */
    private static final String CASH_IN = "CASE WHEN l.side = 'DEBIT' THEN l.amount ELSE -l.amount END";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private BusinessCalendar calendar;

    private final Clock clock = Clock.systemUTC();

    /**
     * Checks the books and stores the report. Callable only from the batch job, which only a
     * supervisor can start (see BatchJobs); the job runs without the starter's identity.
     */
    @PermitAll
    public TrialBalanceReport run(Long jobExecutionId) {
        LedgerCheck books = compute();
        List<String> findings = books.findings();
        StringBuilder text = new StringBuilder()
                .append("Trial balance, business date ").append(books.businessDate()).append('\n')
                .append("total debit  ").append(books.totalDebit()).append('\n')
                .append("total credit ").append(books.totalCredit()).append('\n')
                .append("tills ").append(books.tills().size()).append(", GL control accounts ")
                .append(books.controls().size()).append(", accounts ").append(books.accountsChecked()).append('\n')
                .append(findings.isEmpty() ? "BALANCED" : "UNBALANCED: " + findings.size() + " finding(s)")
                .append('\n');
        findings.forEach(f -> text.append(" - ").append(f).append('\n'));
        TrialBalanceReport report = new TrialBalanceReport(jobExecutionId, books.businessDate(),
                new BigDecimal(books.totalDebit()), new BigDecimal(books.totalCredit()), findings.size(), text.toString(),
                books.checkedAt());
        em.persist(report);
        return report;
    }

    /** The same comparison now, for a supervisor at any time of the day (nothing stored). */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LedgerCheck check() {
        return compute();
    }

    private LedgerCheck compute() {
        BigDecimal debit = BigDecimal.ZERO.setScale(Money.SCALE);
        BigDecimal credit = BigDecimal.ZERO.setScale(Money.SCALE);
        // the bank's books: a training branch's entries balance among themselves, apart (every entry is checked below)
        for (Object[] row : rows("SELECT l.side, SUM(l.amount) FROM journal_line l WHERE l.entry_id NOT IN ("
                + Branches.TRAINING_ENTRIES + ") GROUP BY l.side")) {
            if ("DEBIT".equals(row[0])) {
                debit = decimal(row[1]);
            } else {
                credit = decimal(row[1]);
            }
        }
        List<String> unbalanced = rows("SELECT l.entry_id, SUM(" + SIGNED + ") FROM journal_line l GROUP BY l.entry_id "
                + "HAVING SUM(" + SIGNED + ") <> 0 ORDER BY l.entry_id").stream()
                .map(row -> "entry " + row[0] + ": unbalanced by " + decimal(row[1]).toPlainString()).toList();
        int accounts = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM account").getSingleResult()).intValue();
        // an account's balance is its row with its pending credits (a hot account's, not folded in yet)
        List<String> accountMismatches = rows("SELECT a.account_number, a.whole, COALESCE(SUM(" + SIGNED + "), 0) "
                + "FROM (SELECT x.account_number, x.balance + COALESCE((SELECT SUM(p.amount) FROM pending_credit p "
                + "WHERE p.account_number = x.account_number), 0) AS whole FROM account x) a "
                + "LEFT JOIN journal_line l ON l.account_number = a.account_number "
                + "GROUP BY a.account_number, a.whole HAVING a.whole <> COALESCE(SUM(" + SIGNED + "), 0) "
                + "ORDER BY a.account_number").stream()
                .map(row -> "account " + row[0] + ": balance " + decimal(row[1]).toPlainString()
                        + " != journal " + decimal(row[2]).toPlainString()).toList();
        List<LedgerCheck.Control> controls = rows("SELECT g.code, COALESCE((SELECT SUM(" + SIGNED + ") FROM journal_line l "
                + "WHERE l.gl_code = g.code AND l.entry_id NOT IN (" + Branches.TRAINING_ENTRIES + ")), 0), "
                + "COALESCE((SELECT SUM(a.balance) FROM account a WHERE a.gl_code = g.code AND a.branch_code"
                + Branches.REAL + "), 0) + COALESCE((SELECT SUM(p.amount) FROM pending_credit p "
                + "JOIN account a ON a.account_number = p.account_number WHERE a.gl_code = g.code AND a.branch_code"
                + Branches.REAL + "), 0) "
                + "FROM gl_account g WHERE EXISTS "
                + "(SELECT 1 FROM account a WHERE a.gl_code = g.code) ORDER BY g.code").stream()
                .map(row -> new LedgerCheck.Control((String) row[0], decimal(row[1]).toPlainString(),
                        decimal(row[2]).toPlainString())).toList();
        return new LedgerCheck(calendar.today(), StoredTime.now(clock), debit.toPlainString(), credit.toPlainString(),
                unbalanced, accounts,
                accountMismatches, controls, tills(), cashOutsideTills());
    }

    /** Each till's latest session, its cash against the till-cash lines of every session of the till. */
    private List<LedgerCheck.Till> tills() {
        String cashOf = "COALESCE((SELECT SUM(" + CASH_IN + ") FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id ";
        return rows("SELECT s.branch_code, s.till_code, s.business_date, s.status, s.teller, s.opening_cash + "
                + cashOf + "WHERE e.till_session_id = s.id AND l.gl_code = '" + GlCodes.TILL_CASH + "'), 0), s.counted_cash, "
                + cashOf + "JOIN till_session x ON x.id = e.till_session_id WHERE x.branch_code = s.branch_code "
                + "AND x.till_code = s.till_code AND l.gl_code = '" + GlCodes.TILL_CASH + "'), 0) FROM till_session s "
                + "WHERE s.business_date = (SELECT MAX(y.business_date) FROM till_session y "
                + "WHERE y.branch_code = s.branch_code AND y.till_code = s.till_code) "
                + "ORDER BY s.branch_code, s.till_code").stream()
                .map(row -> new LedgerCheck.Till((String) row[0], (String) row[1], LocalDate.parse(row[2].toString()),
                        (String) row[3], (String) row[4], decimal(row[5]).toPlainString(),
                        row[6] == null ? null : decimal(row[6]).toPlainString(), decimal(row[7]).toPlainString())).toList();
    }

    /** Till cash posted through no till (never: every cash posting goes through the teller's open till). */
    private List<String> cashOutsideTills() {
        return rows("SELECT e.branch_code, SUM(" + CASH_IN + ") FROM journal_line l JOIN journal_entry e "
                + "ON e.id = l.entry_id WHERE l.gl_code = '" + GlCodes.TILL_CASH + "' AND e.till_session_id IS NULL GROUP BY e.branch_code "
                + "HAVING SUM(" + CASH_IN + ") <> 0 ORDER BY e.branch_code").stream()
                .map(row -> "branch " + row[0] + ": till cash " + decimal(row[1]).toPlainString()
                        + " posted through no till").toList();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    public Optional<TrialBalanceReport> reportOf(long jobExecutionId) {
        return em.createQuery("SELECT r FROM TrialBalanceReport r WHERE r.jobExecutionId = :id", TrialBalanceReport.class)
                .setParameter("id", jobExecutionId).getResultStream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    private static BigDecimal decimal(Object value) {
        return (value == null ? BigDecimal.ZERO : new BigDecimal(value.toString())).setScale(Money.SCALE);
    }
}
