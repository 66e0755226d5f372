package bank.teller.deposit.application;

import bank.teller.account.application.Accounts;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.customer.application.Customers;
import bank.teller.customer.domain.Customer;
import bank.teller.deposit.domain.DepositDocuments;
import bank.teller.deposit.domain.DepositEvent;
import bank.teller.deposit.domain.DepositTerms;
import bank.teller.deposit.domain.InterestSlip;
import bank.teller.deposit.domain.RateTable;
import bank.teller.deposit.domain.TimeDeposit;
import bank.teller.shared.Pdfs;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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
    @EJB
    private Customers customers;
    @Inject
    private DepositBook book;
    @Inject
    private BusinessCalendar calendar;

    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.CHANNEL})
    public DepositView deposit(String accountNumber) {
        return view(accounts.require(new AccountNumber(accountNumber)));
    }

    /**
     * What a teller typed: an account number (16 digits), else a certificate number, else the customers
     * it names (name, ID or phone, as the customer search reads it) and their deposits.
     */
    public List<DepositView> search(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.matches("\\d{16}")) {
            return List.of(deposit(typed));
        }
        if (typed.isEmpty()) {
            return List.of();
        }
        List<DepositView> found = typed.matches("[0-9A-Za-z]{1,12}") ? byCertificate(typed) : List.of();
        return !found.isEmpty() ? found : customers.search(typed).stream()
                .flatMap(customer -> ofCustomer(customer.id()).stream()).toList();
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

    /** The deposit's valid certificate (存单), its values laid out for the pre-printed blank. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
    public byte[] certificatePdf(String accountNumber) {
        Account account = accounts.require(new AccountNumber(accountNumber));
        DepositTerms terms = book.terms(account);
        account.requireActive();
        DepositEvent issued = em.createQuery("SELECT e FROM DepositEvent e WHERE e.accountNumber = :account "
                        + "AND e.certificateNo = :serial ORDER BY e.id", DepositEvent.class)
                .setParameter("account", account.number().value()).setParameter("serial", terms.certificateNo())
                .setMaxResults(1).getSingleResult();
        TimeDeposit time = terms.product().isTime() ? terms.time(account.balance()) : null;
        return DepositDocuments.certificate(new DepositDocuments.Certificate(terms.certificateNo(),
                account.number().value(), em.find(Customer.class, account.customerId()).name(),
                terms.product().printedName(), account.balance(), time == null ? null : RateTable.percent(time.rate()),
                time == null ? account.openedOn() : time.termStart(), time == null ? null : time.maturesOn(),
                time == null ? null : time.renewal().printedName(), account.branchCode(), issued.actor(),
                issued.businessDate()));
    }

    /** The interest slip (利息清单) of the deposit's withdrawal or renewal posted as {@code entryId}. */
    public byte[] slipPdf(String accountNumber, long entryId) {
        Account account = accounts.require(new AccountNumber(accountNumber));
        book.terms(account);
        DepositEvent event = em.createQuery("SELECT e FROM DepositEvent e WHERE e.accountNumber = :account "
                        + "AND e.entryId = :entry", DepositEvent.class).setParameter("account", account.number().value())
                .setParameter("entry", entryId).getResultStream().findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.ENTRY_NOT_FOUND, entryId));
        InterestSlip slip = event.slip(account.currency());
        if (slip == null) {
            throw new TellerException(ErrorCode.ENTRY_NOT_FOUND, entryId);
        }
        return DepositDocuments.interestSlip(Pdfs.BANK_NAME, account.number().value(),
                em.find(Customer.class, account.customerId()).name(), event.certificateNo(), event.businessDate(),
                event.actor(), slip);
    }

    private DepositView view(Account account) {
        return book.view(account, book.terms(account), em.find(Customer.class, account.customerId()), calendar.today());
    }
}
