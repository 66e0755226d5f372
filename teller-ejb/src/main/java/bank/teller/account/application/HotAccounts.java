package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.List;

/**
 * Hot accounts (热点账户): a supervisor marks an account that takes many credits at once (a
 * company's collection account, a utility's) hot, so its credits stop queuing on its balance row
 * (see {@link bank.teller.account.domain.PendingCredit}); and unmarks it. Marking is a setting, so
 * asking twice changes nothing the second time; each change is audited with its reason.
 */
@Stateless
@RolesAllowed(Roles.SUPERVISOR)
public class HotAccounts {

    static final int REASON_MAX = 200;

    /** A hot account, or one with credits still pending, as a supervisor sees it. */
    public record HotAccountView(String accountNumber, boolean hot, long pendingCredits, String pendingAmount) {
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;

    /** Marks the account hot or not; its pending credits are folded into its balance first. */
    public HotAccountView mark(String accountNumber, Boolean hot, String reason) {
        if (hot == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "hot", "true or false");
        }
        String why = Text.required("reason", reason, REASON_MAX);
        AccountNumber number = new AccountNumber(accountNumber);
        Account account = accounts.lockForPosting(number);
        if (account.hot() != hot) {
            account.markHot(hot);
            calendar.referenceChanged(); // every server's postings learn it with their next transaction
            audit.record(hot ? "ACCOUNT_MARKED_HOT" : "ACCOUNT_UNMARKED_HOT", number.value(), "reason: " + why,
                    AuditEvent.SUCCESS);
        }
        return list(number.value()).stream().findFirst()
                .orElse(new HotAccountView(number.value(), false, 0, "0.00"));
    }

    /** The hot accounts, and any other with credits still pending, with what is pending. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    public List<HotAccountView> list() {
        return list(null);
    }

    private List<HotAccountView> list(String only) {
        Query query = em.createNativeQuery("SELECT a.account_number, a.hot, COUNT(p.entry_id), "
                + "COALESCE(SUM(p.amount), 0) FROM account a LEFT JOIN pending_credit p "
                + "ON p.account_number = a.account_number WHERE (a.hot = TRUE OR p.entry_id IS NOT NULL) "
                + (only == null ? "" : "AND a.account_number = ?1 ")
                + "GROUP BY a.account_number, a.hot ORDER BY a.account_number");
        if (only != null) {
            query.setParameter(1, only);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new HotAccountView((String) row[0], (Boolean) row[1],
                ((Number) row[2]).longValue(), ((BigDecimal) row[3]).setScale(2).toPlainString())).toList();
    }
}
