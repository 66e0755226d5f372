package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountType;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.customer.domain.Customer;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.RequestIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Dormant accounts (久悬户): an active account with no posting for {@code teller.dormancy.days}
 * (default 365) business days since it was opened or last used becomes DORMANT at end of day and
 * takes no postings until a teller reactivates it with the customer at the counter. What end of day
 * posts itself (interest, periodic fees) is not a use: only the customer's transactions are.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class AccountDormancy {

    public static final String REACTIVATION = "ACCOUNT_REACTIVATION";
    static final int DAYS = Integer.getInteger("teller.dormancy.days", 365);

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @EJB
    private AccountQueries queries;
    @EJB
    private RequestIds requestIds;
    @Inject
    private BusinessCalendar calendar;

    /** Marks every demand account unused since the cut-off dormant (a deposit waits for its term); returns their numbers. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<String> markDormantAccounts() {
        LocalDate cutoff = calendar.today().minusDays(DAYS);
        @SuppressWarnings("unchecked")
        List<String> unused = em.createNativeQuery("SELECT a.account_number FROM account a WHERE a.status = 'ACTIVE' "
                        + "AND a.account_type IN (" + AccountType.demandTypesInSql() + ") AND a.opened_on < ?1 AND NOT EXISTS (SELECT 1 FROM journal_line l JOIN journal_entry e "
                        + "ON e.id = l.entry_id WHERE l.account_number = a.account_number AND e.business_date >= ?1 AND e.teller <> ?2) "
                        + "ORDER BY a.account_number")
                .setParameter(1, cutoff).setParameter(2, BusinessDays.SYSTEM_USER).getResultList();
        // locked one by one in account-number order, like every posting that locks several
        unused.forEach(number -> accounts.lockForPosting(new AccountNumber(number)).markDormant());
        return unused;
    }

    /** The customer is back: the account takes postings again. Once per request id. */
    public AccountView reactivate(String accountNumber, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        return requestIds.once(requestId, REACTIVATION, number.value(), queries::account, now -> {
            Account account = accounts.lockForPosting(number);
            account.reactivate();
            return AccountQueries.view(account, em.find(Customer.class, account.customerId()),
                    accounts.unreleasedRestrictionsOf(number), calendar.today());
        }, AccountView::accountNumber);
    }
}
