package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.ResidentId;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Opening a demand account (开户) for a new individual customer. */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class AccountOpening {

    static final String OPERATION = "OPEN_DEMAND_ACCOUNT";
    static final String PRODUCT_INDIVIDUAL_DEMAND = "01";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private Accounts accounts;
    @EJB
    private AccountQueries queries;
    @EJB
    private RequestIds requestIds;
    @EJB
    private CurrentUser currentUser;
    @EJB
    private BusinessCalendar calendar;

    /**
     * Registers the customer and opens an individual demand account in CNY at the teller's branch.
     * The same request id returns the first account and opens nothing more.
     */
    public AccountView openIndividualDemandAccount(String customerName, String residentIdText, String requestId) {
        ResidentId residentId = new ResidentId(residentIdText);
        String fingerprint = residentId.value();
        return requestIds.once(requestId, OPERATION, fingerprint, queries::account,
                now -> open(customerName, residentId, now), AccountView::accountNumber);
    }

    private AccountView open(String customerName, ResidentId residentId, Instant now) {
        boolean known = !em.createQuery("SELECT c.id FROM Customer c WHERE c.residentId = :id")
                .setParameter("id", residentId.value()).getResultList().isEmpty();
        if (known) {
            throw new TellerException(ErrorCode.CUSTOMER_ALREADY_EXISTS, residentId.masked());
        }
        AppUser teller = currentUser.get();
        Customer customer = new Customer(customerName, residentId, now, teller.username());
        em.persist(customer);
        em.flush();

        AccountNumber number = AccountNumber.generate(teller.branchCode(), PRODUCT_INDIVIDUAL_DEMAND,
                accounts.nextSerial());
        Account account = new Account(number, customer.id(), teller.branchCode(), PRODUCT_INDIVIDUAL_DEMAND,
                GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, Money.CNY, calendar.today());
        accounts.add(account);
        return AccountQueries.view(account, customer, account.balance());
    }
}
