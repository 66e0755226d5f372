package bank.teller.web.ui;

import bank.teller.account.application.AccountOpening;
import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.Cards;
import bank.teller.account.domain.AccountType;
import bank.teller.customer.application.CorporateDetails;
import bank.teller.customer.application.CustomerView;
import bank.teller.customer.application.Customers;
import bank.teller.customer.application.IndividualDetails;
import bank.teller.customer.application.VerificationView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The customer and account-opening screen (客户与开户): find a customer, or verify (联网核查) and
 * register a new one; then open an account of a type that suits them. One request id per
 * filled-in form, so a double click registers or opens once.
 */
@Named
@ViewScoped
public class OpenAccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Customers customers;
    @EJB
    private AccountOpening opening;
    @EJB
    private AccountQueries queries;
    @EJB
    private Cards cards;

    private String query;
    private List<CustomerView> found = List.of();

    private String customerType = "INDIVIDUAL";
    private String name;
    private String idNumber;
    private String phone;
    private String address;
    private String occupation;
    private String legalRepresentative;
    private String contactName;
    private String contactPhone;
    private VerificationView verification;
    private String registerRequestId = Screens.newRequestId();

    private CustomerView customer;
    private List<AccountView> accounts = List.of();
    private String accountType;
    private LocalDate expiresOn;
    private String openRequestId = Screens.newRequestId();
    private boolean issueCard = true;
    private String cardRequestId = Screens.newRequestId();

    public void search() {
        List<CustomerView> result = Screens.attempt("find:query", () -> customers.search(query));
        found = result == null ? List.of() : result;
        if (result != null && result.isEmpty()) {
            Screens.info(Screens.text("customer.search.none", query));
        }
    }

    public void select(CustomerView chosen) {
        customer = chosen;
        accounts = queries.accountsOf(chosen.id());
        accountType = accountTypes().get(0);
        expiresOn = null;
        openRequestId = Screens.newRequestId();
    }

    /** Starts over with a new customer form. */
    public void newCustomer() {
        customer = null;
        verification = null;
        registerRequestId = Screens.newRequestId();
    }

    public void verify() {
        String idType = "CORPORATE".equals(customerType) ? "CREDIT_CODE" : "RESIDENT_ID";
        verification = Screens.attempt("register:idNumber", () -> customers.verify(idType, idNumber, name));
        if (verification != null && !verified()) {
            Screens.warn(Screens.text("customer.verify.failed." + verification.result(), verification.reference()));
        }
    }

    public boolean verified() {
        return verification != null && "MATCH".equals(verification.result());
    }

    public void register() {
        if (!verified()) {
            return;
        }
        long checked = verification.id();
        CustomerView registered = Screens.attempt("register:idNumber", () -> "CORPORATE".equals(customerType)
                ? customers.registerCorporate(new CorporateDetails(name, idNumber, legalRepresentative, address,
                contactName, contactPhone), checked, registerRequestId)
                : customers.registerIndividual(new IndividualDetails(name, idNumber, null, null, phone, address,
                occupation), checked, registerRequestId));
        if (registered != null) {
            Screens.info(Screens.text("customer.registered", registered.name()));
            select(registered);
        }
    }

    /** Opens the account and, when asked, issues its debit card (the PIN is set on the account screen). */
    public String open() {
        AccountView account = Screens.attempt("account:type",
                () -> opening.open(customer.id(), accountType, expiresOn, openRequestId));
        if (account == null) {
            return null;
        }
        if (issueCard && cardable()) {
            Screens.attempt("account:type", () -> cards.issue(account.accountNumber(), cardRequestId));
        }
        return "/app/account.xhtml?faces-redirect=true&number=" + account.accountNumber();
    }

    /** Whether the chosen account type takes a debit card. */
    public boolean cardable() {
        return accountType != null && AccountType.valueOf(accountType).takesCards();
    }

    public boolean isIssueCard() {
        return issueCard;
    }

    public void setIssueCard(boolean issueCard) {
        this.issueCard = issueCard;
    }

    /** The account types for the selected customer's kind. */
    public List<String> accountTypes() {
        String kind = customer == null ? customerType : customer.type();
        return Arrays.stream(AccountType.values()).filter(t -> !t.isTerm() && t.customerType().name().equals(kind))
                .map(Enum::name).toList();
    }

    public boolean temporary() {
        return "CORPORATE_TEMPORARY".equals(accountType);
    }

    public boolean corporate() {
        return "CORPORATE".equals(customerType);
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<CustomerView> getFound() {
        return found;
    }

    public String getCustomerType() {
        return customerType;
    }

    /** A different kind of customer needs a new check (every submit of the form sets the same kind again). */
    public void setCustomerType(String customerType) {
        if (!customerType.equals(this.customerType)) {
            this.verification = null;
        }
        this.customerType = customerType;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getOccupation() {
        return occupation;
    }

    public void setOccupation(String occupation) {
        this.occupation = occupation;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public void setLegalRepresentative(String legalRepresentative) {
        this.legalRepresentative = legalRepresentative;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public VerificationView getVerification() {
        return verification;
    }

    public CustomerView getCustomer() {
        return customer;
    }

    public List<AccountView> getAccounts() {
        return accounts;
    }

    public String getAccountType() {
        return accountType;
    }

    public void setAccountType(String accountType) {
        this.accountType = accountType;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }
}
