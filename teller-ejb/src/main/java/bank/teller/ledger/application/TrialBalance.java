package bank.teller.ledger.application;

import bank.teller.ledger.domain.TrialBalanceReport;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trial balance (试算平衡): Σ debit = Σ credit over the whole journal, every entry balanced,
 * every customer account's balance equal to the sum of its journal lines, and every GL control
 * account equal to the sum of its customer accounts. Run by the {@code trial-balance} batch job;
 * writes a {@link TrialBalanceReport}.
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class TrialBalance {

    private static final String SIGNED = "CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END";

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
        List<String> findings = new ArrayList<>();
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (Object[] row : rows("SELECT l.side, SUM(l.amount) FROM journal_line l GROUP BY l.side")) {
            if ("DEBIT".equals(row[0])) {
                debit = decimal(row[1]);
            } else {
                credit = decimal(row[1]);
            }
        }
        if (debit.compareTo(credit) != 0) {
            findings.add("journal: total debit " + debit.toPlainString() + " != total credit " + credit.toPlainString());
        }
        for (Object[] row : rows("SELECT l.entry_id, SUM(" + SIGNED + ") FROM journal_line l GROUP BY l.entry_id "
                + "HAVING SUM(" + SIGNED + ") <> 0 ORDER BY l.entry_id")) {
            findings.add("entry " + row[0] + ": unbalanced by " + decimal(row[1]).toPlainString());
        }
        // an account's balance is its row with its pending credits (a hot account's, not folded in yet)
        for (Object[] row : rows("SELECT a.account_number, a.whole, COALESCE(SUM(" + SIGNED + "), 0) "
                + "FROM (SELECT x.account_number, x.balance + COALESCE((SELECT SUM(p.amount) FROM pending_credit p "
                + "WHERE p.account_number = x.account_number), 0) AS whole FROM account x) a "
                + "LEFT JOIN journal_line l ON l.account_number = a.account_number "
                + "GROUP BY a.account_number, a.whole HAVING a.whole <> COALESCE(SUM(" + SIGNED + "), 0) "
                + "ORDER BY a.account_number")) {
            findings.add("account " + row[0] + ": balance " + decimal(row[1]).toPlainString()
                    + " != journal " + decimal(row[2]).toPlainString());
        }
        for (Object[] row : rows("SELECT g.code, COALESCE((SELECT SUM(" + SIGNED + ") FROM journal_line l "
                + "WHERE l.gl_code = g.code), 0), COALESCE((SELECT SUM(a.balance) FROM account a "
                + "WHERE a.gl_code = g.code), 0) + COALESCE((SELECT SUM(p.amount) FROM pending_credit p "
                + "JOIN account a ON a.account_number = p.account_number WHERE a.gl_code = g.code), 0) "
                + "FROM gl_account g WHERE EXISTS "
                + "(SELECT 1 FROM account a WHERE a.gl_code = g.code) ORDER BY g.code")) {
            if (decimal(row[1]).compareTo(decimal(row[2])) != 0) {
                findings.add("GL " + row[0] + ": control " + decimal(row[1]).toPlainString()
                        + " != accounts " + decimal(row[2]).toPlainString());
            }
        }
        StringBuilder text = new StringBuilder()
                .append("Trial balance, business date ").append(calendar.today()).append('\n')
                .append("total debit  ").append(debit.toPlainString()).append('\n')
                .append("total credit ").append(credit.toPlainString()).append('\n')
                .append(findings.isEmpty() ? "BALANCED" : "UNBALANCED: " + findings.size() + " finding(s)")
                .append('\n');
        findings.forEach(f -> text.append(" - ").append(f).append('\n'));
        TrialBalanceReport report = new TrialBalanceReport(jobExecutionId, calendar.today(), debit, credit,
                findings.size(), text.toString(), StoredTime.now(clock));
        em.persist(report);
        return report;
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
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
