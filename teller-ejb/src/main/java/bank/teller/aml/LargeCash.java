package bank.teller.aml;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.domain.CustomerType;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Csv;
import bank.teller.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * The day's large cash transactions (大额现金交易) of the supervisor's branch: every cash posting of a
 * customer whose cash in or cash out that business date reached the threshold (50,000 CNY by
 * default, {@code teller.aml.large-cash}), single or cumulative. Read from the journal, which
 * nothing changes, so the report can be produced again at any time and says the same.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LargeCash {

    @EJB
    private AuditTrail audit;

    static final Money THRESHOLD = Money.cny(System.getProperty("teller.aml.large-cash", "50000.00"));

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;

    /**
     * The report of {@code date}, or of the business date when it is null, for the screen and the
     * API: resident ID numbers masked. Only the filing ({@link #csv}) carries them in full.
     */
    public List<LargeCashRow> report(LocalDate businessDate) {
        return rows(businessDate).stream().map(LargeCashRow::masked).toList();
    }

    @SuppressWarnings("unchecked")
    private List<LargeCashRow> rows(LocalDate businessDate) {
        LocalDate date = businessDate == null ? calendar.today() : businessDate;
        // each cash entry's till-cash line, with the customer of its first customer line
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.name, c.id_number, l.account_number, e.id, "
                        + "e.entry_type, t.side, t.amount, e.teller, c.customer_type FROM journal_entry e "
                        + "JOIN journal_line t ON t.entry_id = e.id AND t.gl_code = ?1 "
                        + "JOIN journal_line l ON l.entry_id = e.id AND l.line_no = (SELECT MIN(f.line_no) "
                        + "FROM journal_line f WHERE f.entry_id = e.id AND f.account_number IS NOT NULL) "
                        + "JOIN account a ON a.account_number = l.account_number "
                        + "JOIN customer c ON c.id = a.customer_id "
                        + "WHERE e.business_date = ?2 AND e.branch_code = ?3 ORDER BY c.id, e.id")
                .setParameter(1, GlCodes.TILL_CASH).setParameter(2, Date.valueOf(date))
                .setParameter(3, currentUser.get().branchCode()).getResultList();
        Map<Long, Money[]> totals = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Money[] inOut = totals.computeIfAbsent(((Number) row[0]).longValue(),
                    id -> new Money[]{Money.zero(Money.CNY), Money.zero(Money.CNY)});
            Money amount = Money.of(new BigDecimal(row[7].toString()), Money.CNY);
            int slot = "DEBIT".equals(row[6]) ? 0 : 1; // till debited: cash came in
            inOut[slot] = inOut[slot].plus(amount);
        }
        List<LargeCashRow> report = new ArrayList<>();
        for (Object[] row : rows) {
            Money[] inOut = totals.get(((Number) row[0]).longValue());
            if (inOut[0].compareTo(THRESHOLD) < 0 && inOut[1].compareTo(THRESHOLD) < 0) {
                continue;
            }
            report.add(new LargeCashRow(date, ((Number) row[0]).longValue(), (String) row[1],
                    CustomerType.valueOf((String) row[9]).idType().name(), (String) row[2],
                    (String) row[3], ((Number) row[4]).longValue(), (String) row[5],
                    "DEBIT".equals(row[6]) ? "IN" : "OUT", Money.of(new BigDecimal(row[7].toString()), Money.CNY)
                    .toPlainString(), (String) row[8], inOut[0].toPlainString(), inOut[1].toPlainString()));
        }
        return report;
    }

    /**
     * The report as CSV (UTF-8, RFC 4180), for filing with the regulator, which needs the ID numbers
     * in full: the export is audited as one that carries them. {@code date} as for {@link #report}.
     */
    public String csv(LocalDate date) {
        List<LargeCashRow> rows = rows(date);
        audit.record("EXPORT", "large-cash:" + date, "large-cash report CSV, " + rows.size()
                + " rows with ID numbers in full", AuditEvent.SUCCESS);
        return Csv.text(CSVFormat.RFC4180.builder().setHeader("business_date", "customer_id", "customer_name",
                "id_number", "account_number", "entry_id", "type", "direction", "amount", "currency", "teller",
                "customer_cash_in", "customer_cash_out").get(), row -> {
            for (LargeCashRow r : rows) {
                row.print(r.businessDate(), r.customerId(), r.customerName(), r.idNumber(), r.accountNumber(),
                        r.entryId(), r.type(), r.direction(), r.amount(), Money.CNY, r.teller(), r.customerCashIn(),
                        r.customerCashOut());
            }
        });
    }
}
