package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.AccountType;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.application.Customers;
import bank.teller.customer.application.IdentityVerificationPort;
import bank.teller.customer.application.IndividualDetails;
import bank.teller.customer.domain.Customer;
import bank.teller.customer.domain.IdType;
import bank.teller.customer.domain.VerificationResult;
import bank.teller.platform.Jdbc;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.RequestIds;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Account opening by online and mobile banking, in sync with the counter (线上同步开户): a class II or
 * III account, bound to the customer's class I account — at this bank (the named account must be the
 * applicant's active class I account) or at another bank (the verification service confirms the
 * person, and that the account is theirs). The account opens at once at the channel's branch by the
 * counter's own rules ({@link AccountOpening#openFor}), so the counter sees it like any other, with its
 * class limits; a customer not known yet is registered with the verification's answer. A class I or a
 * company's account is refused: it needs the customer at the counter. Once per request id.
 */
@Stateless
@RolesAllowed(Roles.CHANNEL)
public class OnlineAccountOpening {

    static final String OPERATION = "ONLINE_ACCOUNT_OPENING";
    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{12}");
    private static final Pattern OTHER_ACCOUNT = Pattern.compile("[0-9]{8,32}");

    /** Who applies: as a teller would register them (address and occupation for a new customer). */
    public record Applicant(String name, String residentId, String phone, String address, String occupation) {
    }

    /** The class I account to bind to: its number, and its bank's CNAPS code when at another bank (else null). */
    public record Binding(String accountNumber, String bankCode) {

        boolean elsewhere() {
            return bankCode != null && !bankCode.isBlank();
        }
    }

    /** The account opened and what it is bound to. */
    public record Opened(AccountView account, String boundAccount, String boundBank) {
    }

    @EJB
    private AccountOpening opening;
    @EJB
    private AccountQueries queries;
    @EJB
    private Customers customers;
    @EJB
    private RequestIds requestIds;
    @EJB
    private AuditTrail audit;
    @Inject
    private Accounts accounts;
    @Inject
    private IdentityVerificationPort verificationService;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private Jdbc jdbc;

    private final Clock clock = Clock.systemUTC();

    public Opened open(String accountType, Applicant applicant, Binding binding, String requestId) {
        AccountType type = AccountOpening.type(accountType);
        if (!type.boundToClassI()) {
            throw new TellerException(ErrorCode.ACCOUNT_OPENING_AT_COUNTER, type);
        }
        if (binding == null || binding.accountNumber() == null || binding.accountNumber().isBlank()) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "boundAccountNumber", "");
        }
        String fingerprint = type + "|" + applicant.residentId() + "|" + binding.accountNumber() + "|" + binding.bankCode();
        return requestIds.once(requestId, OPERATION, fingerprint, this::opened,
                now -> binding.elsewhere() ? openBoundElsewhere(type, applicant, binding)
                        : openBoundHere(type, applicant, binding), opened -> opened.account().accountNumber());
    }

    private Opened openBoundHere(AccountType type, Applicant applicant, Binding binding) {
        Customer customer = customers.individualVouchedFor(details(applicant));
        AccountNumber classI = new AccountNumber(binding.accountNumber());
        Account bound = accounts.require(classI);
        if (bound.type() != AccountType.INDIVIDUAL_I || bound.status() != AccountStatus.ACTIVE
                || !bound.customerId().equals(customer.id())) {
            throw new TellerException(ErrorCode.ACCOUNT_BINDING_INVALID, classI.value(),
                    "not an active class I account of the applicant");
        }
        AccountView account = opening.openFor(customer, type, null, currentUser.get().branchCode());
        audit.record(OPERATION, account.accountNumber(), type + " for customer " + customer.id() + ", bound to "
                + classI.value(), AuditEvent.SUCCESS);
        return new Opened(account, classI.value(), null);
    }

    private Opened openBoundElsewhere(AccountType type, Applicant applicant, Binding binding) {
        String bank = binding.bankCode().strip();
        String number = binding.accountNumber().strip();
        if (!BANK_CODE.matcher(bank).matches()) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "boundBank", Text.abbreviated(bank, 40));
        }
        if (!OTHER_ACCOUNT.matcher(number).matches()) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "boundAccountNumber", Text.abbreviated(number, 40));
        }
        Customer customer = customers.individualVouchedFor(details(applicant));
        IdentityVerificationPort.Answer answer = verificationService.verifyAccount(bank, number, IdType.RESIDENT_ID,
                customer.idNumber(), customer.name());
        if (answer.result() != VerificationResult.MATCH) {
            throw new TellerException(ErrorCode.ACCOUNT_BINDING_INVALID, number, "the bank " + bank + " answers "
                    + answer.result() + " (" + answer.reference() + ")");
        }
        AccountView account = opening.openFor(customer, type, null, currentUser.get().branchCode());
        jdbc.update("INSERT INTO account_external_binding (account_number, bank_code, bound_account, verification_ref, "
                + "bound_at) VALUES (?, ?, ?, ?, ?)", account.accountNumber(), bank, number,
                Text.abbreviated(answer.reference(), 40), StoredTime.now(clock));
        audit.record(OPERATION, account.accountNumber(), type + " for customer " + customer.id() + ", bound to "
                + number + " at " + bank + " (" + answer.reference() + ")", AuditEvent.SUCCESS);
        return new Opened(account, number, bank);
    }

    /** The first answer, again: the account and its binding as stored. */
    private Opened opened(String accountNumber) {
        AccountView account = queries.account(accountNumber);
        List<String[]> elsewhere = jdbc.query("SELECT bound_account, bank_code FROM account_external_binding "
                + "WHERE account_number = ?", row -> new String[] {row.getString(1), row.getString(2)}, accountNumber);
        return elsewhere.isEmpty() ? new Opened(account, account.boundAccount(), null)
                : new Opened(account, elsewhere.get(0)[0], elsewhere.get(0)[1]);
    }

    private static IndividualDetails details(Applicant applicant) {
        return new IndividualDetails(applicant.name(), applicant.residentId(), null, null, applicant.phone(),
                applicant.address(), applicant.occupation());
    }
}
