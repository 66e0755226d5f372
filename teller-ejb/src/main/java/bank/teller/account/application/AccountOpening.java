package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.AccountType;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.application.Customers;
import bank.teller.customer.domain.Customer;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Opening a demand account (开户) for a registered, verified customer at the teller's branch: the
 * type must suit the customer (individual class I/II/III, corporate basic/general/special/temporary),
 * a person has one class-I account and a company one basic account at most (checked under the
 * customer's row lock, so two tellers cannot both open one), a temporary account gets an expiry
 * within two years, and a class II/III account is bound to the holder's class-I account if any.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class AccountOpening {

    static final String OPERATION = "OPEN_DEMAND_ACCOUNT";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @EJB
    private AccountQueries queries;
    @EJB
    private Customers customers;
    @EJB
    private RequestIds requestIds;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;

    /**
     * Opens an account of {@code accountType} in CNY for the customer. The same request id returns
     * the first account and opens nothing more.
     *
     * @param expiresOn the expiry of a temporary account; must be null for other types
     */
    public AccountView open(long customerId, String accountType, LocalDate expiresOn, String requestId) {
        AccountType type = type(accountType);
        String fingerprint = customerId + "|" + type + "|" + expiresOn;
        return requestIds.once(requestId, OPERATION, fingerprint, queries::account,
                now -> open(customerId, type, expiresOn), AccountView::accountNumber);
    }

    private AccountView open(long customerId, AccountType type, LocalDate expiresOn) {
        return openFor(customers.lock(customerId), type, expiresOn, currentUser.get().branchCode());
    }

    /**
     * Opens the account for the customer (locked by the caller) at the branch, by the rules above; for
     * the counter and for a channel's opening ({@link OnlineAccountOpening}).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AccountView openFor(Customer customer, AccountType type, LocalDate expiresOn, String branchCode) {
        LocalDate today = calendar.today();
        Account account = opened(customer, type, expiresOn, branchCode,
                () -> AccountNumber.generate(branchCode, type.product(), accounts.nextSerial()), today);
        return AccountQueries.view(account, customer, List.of(), today);
    }

    /**
     * Opens a demand account the old system held, under its number and opening date, for the customer
     * (locked by the caller) at the branch, by the same rules; its balance is the migration's to book.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Account openMigrated(Customer customer, AccountType type, LocalDate expiresOn, AccountNumber number,
                                String branchCode, LocalDate openedOn) {
        if (type.isTerm()) {
            throw new TellerException(ErrorCode.ACCOUNT_TYPE_IS_DEPOSIT, type);
        }
        return opened(customer, type, expiresOn, branchCode, () -> number, openedOn);
    }

    private Account opened(Customer customer, AccountType type, LocalDate expiresOn, String branchCode,
                           Supplier<AccountNumber> number, LocalDate openedOn) {
        customer.requireVerified();
        if (type.customerType() != customer.type()) {
            throw new TellerException(ErrorCode.ACCOUNT_TYPE_NOT_ALLOWED, type, customer.type());
        }
        List<Account> open = openAccountsOf(customer.id());
        if (type.onePerCustomer() && open.stream().anyMatch(a -> a.type() == type)) {
            throw new TellerException(ErrorCode.ACCOUNT_TYPE_ONE_PER_CUSTOMER, type,
                    open.stream().filter(a -> a.type() == type).findFirst().orElseThrow().number().value());
        }
        AccountNumber bound = !type.boundToClassI() ? null : open.stream()
                .filter(a -> a.type() == AccountType.INDIVIDUAL_I).map(Account::number).findFirst().orElse(null);
        Account account = new Account(number.get(), customer.id(), branchCode, type, expiresOn, bound, Money.CNY,
                openedOn);
        accounts.add(account);
        audit.record(OPERATION, account.number().value(), type + " for customer " + customer.id()
                + (bound == null ? "" : ", bound to " + bound.value()), AuditEvent.SUCCESS);
        return account;
    }

    private List<Account> openAccountsOf(long customerId) {
        return em.createQuery("SELECT a FROM Account a WHERE a.customerId = :id AND a.status <> :closed", Account.class)
                .setParameter("id", customerId).setParameter("closed", AccountStatus.CLOSED).getResultList();
    }

    static AccountType type(String text) {
        AccountType type = Arrays.stream(AccountType.values()).filter(t -> t.name().equals(text)).findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.VALIDATION_FAILED, "accountType", Objects.toString(text)));
        if (type.isTerm()) {
            throw new TellerException(ErrorCode.ACCOUNT_TYPE_IS_DEPOSIT, type);
        }
        return type;
    }
}
