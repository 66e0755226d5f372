package bank.teller.deposit.application;

import bank.teller.account.application.AccountMovements;
import bank.teller.account.application.AccountPostings;
import bank.teller.account.application.Accounts;
import bank.teller.account.application.Vouchers;
import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.account.domain.AccountStatus;
import bank.teller.approval.application.Approvals;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.domain.Customer;
import bank.teller.deposit.domain.CertificateLoss;
import bank.teller.deposit.domain.DepositEvent;
import bank.teller.deposit.domain.DepositTerms;
import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.PostingLine;
import bank.teller.ledger.domain.Side;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.RequestIds;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.shared.TransactionNames;
import bank.teller.till.application.VoucherStock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Loss reports of deposit certificates at the counter (存单挂失): report (oral, or written with the
 * owner's ID; an oral one followed in writing), release by the owner (解挂), and after a written
 * report's waiting period a reissue (补发: a new certificate number from the till, the old one void
 * for ever, always approved by a supervisor). A report and a reissue each charge their fee from the fee
 * schedule, paid in cash, with its voucher. A payout of a lost certificate's deposit (挂失销户) is a
 * withdrawal with the owner's ID ({@link TermDeposits#withdraw}). Each once per request id, audited,
 * in the deposit's history.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class CertificateLosses {

    public static final String REPORT = "CERTIFICATE_LOSS_REPORT";
    public static final String RELEASE = "CERTIFICATE_LOSS_RELEASE";
    public static final String REISSUE = "CERTIFICATE_REISSUE";

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private Accounts accounts;
    @Inject
    private AccountMovements movements;
    @Inject
    private AccountPostings postings;
    @Inject
    private DepositBook book;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private CurrentUser currentUser;
    @EJB
    private Vouchers vouchers;
    @EJB
    private VoucherStock voucherStock;
    @EJB
    private Approvals approvals;
    @EJB
    private RequestIds requestIds;
    @EJB
    private AuditTrail audit;

    /**
     * Reports certificate {@code certificateNo} of the deposit lost: ORAL, or WRITTEN with the owner's
     * {@code idNumber} (an oral report in force is then confirmed in writing). Payment stops at once.
     */
    public DepositView report(String accountNumber, String certificateNo, String kind, String idNumber,
                              String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        String certificate = Text.required("certificateNo", certificateNo, 12);
        CertificateLoss.Kind reported = Text.oneOf("kind", kind, CertificateLoss.Kind.class);
        String id = reported == CertificateLoss.Kind.WRITTEN ? Text.required("idNumber", idNumber, 18) : null;
        return requestIds.once(requestId, REPORT, number + "|" + certificate + "|" + reported, ref -> view(number),
                now -> {
                    Account deposit = lockedDeposit(number);
                    DepositTerms terms = book.terms(deposit);
                    if (!certificate.equals(terms.certificateNo())) {
                        throw new TellerException(ErrorCode.LOSS_REPORT_CERTIFICATE_MISMATCH, certificate,
                                terms.certificateNo());
                    }
                    if (id != null) {
                        requireOwner(holderOf(deposit), id);
                    }
                    LocalDate today = calendar.today();
                    String teller = currentUser.name();
                    CertificateLoss active = book.activeLoss(number.value());
                    if (active != null) {
                        if (reported != CertificateLoss.Kind.WRITTEN || active.kind() != CertificateLoss.Kind.ORAL) {
                            throw new TellerException(ErrorCode.LOSS_REPORT_EXISTS, certificate, active.kind(),
                                    active.reportedOn());
                        }
                        active.confirmInWriting(today, teller);
                        record(deposit, DepositEvent.Kind.LOSS_CONFIRMED, certificate, null, "written, owner's ID seen",
                                now);
                    } else {
                        em.persist(new CertificateLoss(number.value(), certificate, reported, today, teller));
                        Long fee = chargeFee(REPORT, deposit, requestId, now);
                        record(deposit, DepositEvent.Kind.LOST, certificate, fee, reported.name().toLowerCase(Locale.ROOT)
                                + (id == null ? "" : ", owner's ID seen"), now);
                    }
                    audit.record(REPORT, number.value(), "certificate " + certificate + " " + reported,
                            AuditEvent.SUCCESS);
                    return book.view(deposit, terms, holderOf(deposit), today);
                }, DepositView::accountNumber);
    }

    /** The owner, with their ID, releases the loss report (解挂): payment resumes. */
    public DepositView release(String accountNumber, String idNumber, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        String id = Text.required("idNumber", idNumber, 18);
        return requestIds.once(requestId, RELEASE, number.value(), ref -> view(number), now -> {
            Account deposit = lockedDeposit(number);
            DepositTerms terms = book.terms(deposit);
            requireOwner(holderOf(deposit), id);
            CertificateLoss loss = requireActive(number);
            loss.release(calendar.today(), currentUser.name());
            record(deposit, DepositEvent.Kind.LOSS_RELEASED, loss.certificateNo(), null, "owner's ID seen", now);
            audit.record(RELEASE, number.value(), "certificate " + loss.certificateNo(), AuditEvent.SUCCESS);
            return book.view(deposit, terms, holderOf(deposit), calendar.today());
        }, DepositView::accountNumber);
    }

    /**
     * After a written report's waiting period, the owner gets a new certificate (补发) on blank
     * {@code newCertificateNo} from the teller's till; the lost one is void for ever. Always approved
     * by a supervisor first (the approval policy's {@value #REISSUE}).
     */
    public DepositView reissue(String accountNumber, String idNumber, String newCertificateNo, String requestId) {
        AccountNumber number = new AccountNumber(accountNumber);
        String id = Text.required("idNumber", idNumber, 18);
        String serial = Text.required("newCertificateNo", newCertificateNo, 12);
        String fingerprint = number + "|" + serial;
        return requestIds.once(requestId, REISSUE, fingerprint, ref -> view(number), now -> {
            Account deposit = lockedDeposit(number);
            DepositTerms terms = book.terms(deposit);
            requireOwner(holderOf(deposit), id);
            CertificateLoss loss = requireActive(number);
            LocalDate today = calendar.today();
            loss.requireWaitOver(today);
            voucherStock.use(TermDeposits.CERTIFICATE, serial, number.value());
            approvals.requireApproval(REISSUE, requestId, fingerprint, null, number.value(),
                    TransactionNames.of(REISSUE) + " " + number + " " + loss.certificateNo() + " > " + serial);
            terms.certificate(serial);
            loss.resolve(today, currentUser.name());
            Long fee = chargeFee(REISSUE, deposit, requestId, now);
            record(deposit, DepositEvent.Kind.REISSUED, serial, fee, "replaces " + loss.certificateNo()
                    + ", void for ever", now);
            audit.record(REISSUE, number.value(), "certificate " + loss.certificateNo() + " replaced by " + serial,
                    AuditEvent.SUCCESS);
            return book.view(deposit, terms, holderOf(deposit), today);
        }, DepositView::accountNumber);
    }

    /** Refused (LOSS_REPORT_ID_MISMATCH) unless {@code idNumber} is the holder's. */
    static void requireOwner(Customer holder, String idNumber) {
        if (idNumber == null || !holder.idNumber().equalsIgnoreCase(idNumber.strip())) {
            throw new TellerException(ErrorCode.LOSS_REPORT_ID_MISMATCH);
        }
    }

    private CertificateLoss requireActive(AccountNumber number) {
        CertificateLoss loss = book.activeLoss(number.value());
        if (loss == null) {
            throw new TellerException(ErrorCode.LOSS_REPORT_NONE);
        }
        return loss;
    }

    private Account lockedDeposit(AccountNumber number) {
        Account deposit = accounts.lockForPosting(number);
        if (deposit.status() == AccountStatus.CLOSED) {
            throw new TellerException(ErrorCode.ACCOUNT_NOT_ACTIVE, number.value(), deposit.status());
        }
        return deposit;
    }

    /** The operation's fee from the schedule, paid in cash, with its voucher; the entry's id, or null when there is none. */
    private Long chargeFee(String operation, Account deposit, String requestId, Instant now) {
        Money fee = movements.fee(operation, deposit, Money.zero(deposit.currency()));
        if (fee.isZero()) {
            return null;
        }
        JournalEntry entry = postings.postAsCaller(operation, requestId, now, List.of(
                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, fee), PostingLine.gl(GlCodes.FEE_INCOME, Side.CREDIT, fee)));
        vouchers.issue(entry, deposit.number().value(), null).get();
        return entry.id();
    }

    private void record(Account deposit, DepositEvent.Kind kind, String certificate, Long feeEntry, String detail,
                        Instant now) {
        em.persist(new DepositEvent(deposit.number().value(), kind, calendar.today(), certificate, null, feeEntry,
                detail, currentUser.name(), now));
    }

    private DepositView view(AccountNumber number) {
        Account deposit = accounts.require(number);
        return book.view(deposit, book.terms(deposit), holderOf(deposit), calendar.today());
    }

    private Customer holderOf(Account deposit) {
        return em.find(Customer.class, deposit.customerId());
    }
}
