package bank.teller.customer.application;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.CustomerType;
import bank.teller.customer.domain.IdType;
import bank.teller.customer.domain.IdentityVerification;
import bank.teller.customer.domain.ResidentId;
import bank.teller.customer.domain.UnifiedSocialCreditCode;
import bank.teller.security.AppUser;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.RequestIds;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Customers (客户): identity verification (联网核查) through its port, registration of individuals and
 * companies on a matching check of the same business day, lookup and search.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Customers {

    public static final int SEARCH_MAX = 50;
    static final String REGISTER_INDIVIDUAL = "REGISTER_INDIVIDUAL";
    static final String REGISTER_CORPORATE = "REGISTER_CORPORATE";
    static final String REVEAL = "PERSONAL_DATA_REVEALED";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private IdentityVerificationPort verificationService;
    @EJB
    private RequestIds requestIds;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;
    @Inject
    private Branches branches;
    @Inject
    private Jdbc jdbc;

    private final Clock clock = Clock.systemUTC();

    /**
     * Asks the verification service about a document and a name and records the answer, whatever it
     * is. Only a MATCH lets the customer be registered (on the same business day).
     */
    public VerificationView verify(String idType, String idNumber, String name) {
        IdType type = idType(idType);
        String number = type.validate(idNumber);
        String validName = Customer.validName(name);
        IdentityVerification verification = recordVerification(type, number, validName);
        VerificationView view = VerificationView.of(verification);
        audit.record("IDENTITY_VERIFIED", "verification:" + view.id(), view.idType() + " " + view.idNumberMasked() + ": "
                + view.result() + " (" + view.reference() + ")", AuditEvent.SUCCESS);
        return view;
    }

    /** Registers an individual checked by {@code verificationId}. Once per request id. */
    public CustomerView registerIndividual(IndividualDetails details, long verificationId, String requestId) {
        ResidentId residentId = new ResidentId(details.residentId());
        if (details.birthDate() != null && !details.birthDate().equals(residentId.birthDate())
                || details.gender() != null && !details.gender().equals(residentId.gender())) {
            throw new TellerException(ErrorCode.IDENTITY_DETAILS_MISMATCH, residentId.masked());
        }
        return register(REGISTER_INDIVIDUAL, residentId.value(), verificationId, requestId,
                (teller, now) -> Customer.individual(details.name(), residentId, details.phone(), details.address(),
                        details.occupation(), now, teller.username()));
    }

    /** Registers a company checked by {@code verificationId}. Once per request id. */
    public CustomerView registerCorporate(CorporateDetails details, long verificationId, String requestId) {
        UnifiedSocialCreditCode code = new UnifiedSocialCreditCode(details.creditCode());
        return register(REGISTER_CORPORATE, code.value(), verificationId, requestId,
                (teller, now) -> Customer.corporate(details.name(), code, details.legalRepresentative(),
                        details.registeredAddress(), details.contactName(), details.contactPhone(), now,
                        teller.username()));
    }

    /**
     * For a channel's account opening, where no teller sees the customer: the individual with this
     * resident ID (the name must be theirs), or one registered now once the verification service
     * vouches for the ID and the name (its answer kept as at the counter); refused otherwise. The
     * customer is returned locked.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Customer individualVouchedFor(IndividualDetails details) {
        ResidentId residentId = new ResidentId(details.residentId());
        String name = Customer.validName(details.name());
        Customer known = Customer.findByIdNumber(em, CustomerType.INDIVIDUAL, residentId.value(), false);
        if (known != null) {
            if (!known.name().equals(name)) {
                throw new TellerException(ErrorCode.IDENTITY_DETAILS_MISMATCH, residentId.masked());
            }
            return lock(known.id());
        }
        IdentityVerification verification = recordVerification(IdType.RESIDENT_ID, residentId.value(), name);
        Customer customer = Customer.individual(name, residentId, details.phone(), details.address(),
                details.occupation(), StoredTime.now(clock), currentUser.get().username());
        registered(REGISTER_INDIVIDUAL, customer, verification, ", by " + currentUser.channel());
        return customer;
    }

    /** Stores the customer the verification vouches for (refused when another registered them meanwhile), audited. */
    private void registered(String operation, Customer customer, IdentityVerification verification, String how) {
        customer.verifiedBy(verification, calendar.today());
        em.persist(customer);
        try {
            em.flush();
        } catch (PersistenceException concurrentRegistration) {
            throw new TellerException(ErrorCode.CUSTOMER_ALREADY_EXISTS, customer.maskedIdNumber());
        }
        audit.record(operation, "customer:" + customer.id(), customer.type() + " " + customer.maskedIdNumber()
                + ", verification " + verification.id() + how, AuditEvent.SUCCESS);
    }

    private IdentityVerification recordVerification(IdType type, String number, String validName) {
        IdentityVerificationPort.Answer answer = verificationService.verify(type, number, validName);
        IdentityVerification verification = new IdentityVerification(type, number, validName, answer.result(),
                answer.reference(), currentUser.get().username(), StoredTime.now(clock), calendar.today());
        em.persist(verification);
        em.flush();
        return verification;
    }

    private interface NewCustomer {
        Customer create(AppUser teller, Instant now);
    }

    private CustomerView register(String operation, String idNumber, long verificationId, String requestId,
                                  NewCustomer newCustomer) {
        return requestIds.once(requestId, operation, idNumber, id -> customer(Long.parseLong(id)), now -> {
            Customer customer = newCustomer.create(currentUser.get(), now);
            boolean training = Boolean.TRUE.equals(trainingScope());
            if (training) {
                customer.inTraining();
            }
            if (Customer.findByIdNumber(em, customer.type(), customer.idNumber(), training) != null) {
                throw new TellerException(ErrorCode.CUSTOMER_ALREADY_EXISTS, customer.maskedIdNumber());
            }
            IdentityVerification verification = em.find(IdentityVerification.class, verificationId);
            if (verification == null) {
                throw new TellerException(ErrorCode.CUSTOMER_NOT_VERIFIED, customer.maskedIdNumber());
            }
            registered(operation, customer, verification, "");
            return CustomerView.of(customer);
        }, view -> String.valueOf(view.id()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    public CustomerView customer(long id) {
        return CustomerView.of(require(id));
    }

    /**
     * 核对证件: the customer's ID number, birth date and phone numbers in full, for the teller or
     * supervisor checking the document of the customer in front of them. Recorded in the audit
     * trail (who saw what of whom) before anything is shown: no record, no answer.
     */
    public PersonalData reveal(long id) {
        Customer customer = require(id);
        audit.record(REVEAL, "customer:" + id, customer.type() == CustomerType.INDIVIDUAL
                ? "ID number, birth date, phone" : "contact phone", AuditEvent.SUCCESS);
        return PersonalData.of(customer);
    }

    /** The customer, row-locked until the end of the transaction (for rules over all their accounts). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Customer lock(long id) {
        Customer customer = em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null || !visible(customer)) {
            throw new TellerException(ErrorCode.CUSTOMER_NOT_FOUND, id);
        }
        return customer;
    }

    private Customer require(long id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null || !visible(customer)) {
            throw new TellerException(ErrorCode.CUSTOMER_NOT_FOUND, id);
        }
        return customer;
    }

    /**
     * Whether the caller works at a training branch (培训); null when they work at none (administrators,
     * auditors, the system), who see the bank's customers and training's alike.
     */
    private Boolean trainingScope() {
        String branch = currentUser.caller().branchCode();
        return branch == null ? null : branches.training(branch);
    }

    private boolean visible(Customer customer) {
        return branches.visibleFrom(currentUser.caller().branchCode(), customer.training());
    }

    /**
     * Customers matching what the teller typed: an 18-character ID number (resident ID or credit
     * code), an account or card number, a phone number, or else the start of a name. At most
     * {@link #SEARCH_MAX}, by name.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    public List<CustomerView> search(String query) {
        String q = query == null ? "" : query.strip().toUpperCase();
        if (q.isEmpty() || q.length() > Customer.NAME_MAX || q.codePoints().anyMatch(Character::isISOControl)) {
            throw new TellerException(ErrorCode.SEARCH_QUERY_INVALID, Customer.NAME_MAX);
        }
        // the ids in SQL (EclipseLink writes a boolean as a number on H2, which refuses to compare it), then the customers
        Boolean training = trainingScope();
        String visible = training == null ? "" : " AND c.training = " + (training ? "TRUE" : "FALSE");
        List<Long> ids;
        if (q.matches("[0-9A-Z]{18}")) {
            ids = jdbc.query("SELECT c.id FROM customer c WHERE c.id_number = ?" + visible, row -> row.getLong(1), q);
        } else if (q.matches("\\d{16}|\\d{19}")) {
            ids = jdbc.query("SELECT c.id FROM customer c JOIN account a ON a.customer_id = c.id WHERE a.account_number = ?"
                    + visible + " UNION SELECT c.id FROM customer c JOIN account a ON a.customer_id = c.id JOIN card k "
                    + "ON k.account_number = a.account_number WHERE k.pan = ?" + visible, row -> row.getLong(1), q, q);
        } else if (Customer.isPhoneNumber(q)) {
            ids = jdbc.query("SELECT c.id FROM customer c WHERE (c.phone = ? OR c.contact_phone = ?)" + visible
                    + " ORDER BY c.name, c.id" + Jdbc.firstRows(SEARCH_MAX), row -> row.getLong(1), q, q);
        } else {
            String prefix = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            ids = jdbc.query("SELECT c.id FROM customer c WHERE c.name LIKE ? ESCAPE '\\'" + visible
                    + " ORDER BY c.name, c.id" + Jdbc.firstRows(SEARCH_MAX), row -> row.getLong(1), prefix);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Customer> found = em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids", Customer.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Customer::id, c -> c));
        return ids.stream().map(found::get).filter(Objects::nonNull).map(CustomerView::of).toList();
    }

    private static IdType idType(String text) {
        return Arrays.stream(IdType.values()).filter(t -> t.name().equals(text)).findFirst()
                .orElseThrow(() -> new TellerException(ErrorCode.VALIDATION_FAILED, "idType", Objects.toString(text)));
    }
}
