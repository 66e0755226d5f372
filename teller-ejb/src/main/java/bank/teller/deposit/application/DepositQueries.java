package bank.teller.deposit.application;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.customer.domain.Customer;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Finding deposits (存单查询): by account, by certificate number (any it ever had), by customer. */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DepositQueries {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private DepositBook book;
    @Inject
    private BusinessCalendar calendar;

    public DepositView deposit(String accountNumber) {
        return view(accounts.require(new AccountNumber(accountNumber)));
    }

    /** The deposits of a certificate number, or else of a customer (VALIDATION_FAILED when neither is given). */
    public List<DepositView> find(String certificateNo, Long customerId) {
        if (certificateNo != null) {
            return byCertificate(certificateNo);
        }
        if (customerId != null) {
            return ofCustomer(customerId);
        }
        throw new TellerException(ErrorCode.VALIDATION_FAILED, "certificate or customerId", "one of them");
    }

    /** The deposits a certificate number was ever issued for (one, unless two branches' stocks share numbers). */
    public List<DepositView> byCertificate(String certificateNo) {
        String serial = Text.required("certificate", certificateNo, 12);
        return em.createQuery("SELECT DISTINCT e.accountNumber FROM DepositEvent e WHERE e.certificateNo = :serial "
                        + "ORDER BY e.accountNumber", String.class).setParameter("serial", serial).getResultList()
                .stream().map(this::deposit).toList();
    }

    /** The customer's time and notice deposits, open and closed, oldest first. */
    public List<DepositView> ofCustomer(long customerId) {
        if (em.find(Customer.class, customerId) == null) {
            throw new TellerException(ErrorCode.CUSTOMER_NOT_FOUND, customerId);
        }
        return em.createQuery("SELECT a FROM Account a, DepositTerms t WHERE t.accountNumber = a.number "
                        + "AND a.customerId = :customer ORDER BY a.openedOn, a.number", Account.class)
                .setParameter("customer", customerId).getResultList().stream().map(this::view).toList();
    }

    private DepositView view(Account account) {
        return book.view(account, book.terms(account), em.find(Customer.class, account.customerId()), calendar.today());
    }
}
