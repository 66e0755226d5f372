package bank.teller.account.application;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountNumber;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.customer.domain.Customer;
import bank.teller.ledger.application.Ledger;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.security.AppUser;
import bank.teller.security.Caller;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Pdfs;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.voucher.application.VoucherSequences;
import bank.teller.voucher.domain.Voucher;
import bank.teller.voucher.domain.VoucherContent;
import bank.teller.voucher.domain.VoucherPdf;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Vouchers (凭证) of counter postings: numbered as the posting's last step (only for users with a
 * till: systems print none), shown, printed as PDF (the first print is the original, later ones
 * say COPY) and confirmed by the customer (签字确认) once.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class Vouchers {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private VoucherSequences sequences;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private Ledger ledger;
    @Inject
    private Jdbc jdbc;
    @Inject
    private Branches branches;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /**
     * Numbers the voucher of {@code entry}, read for {@code accountNumber}; its number (known at the
     * end of the caller's {@link bank.teller.platform.Jdbc#together} scope, if it has one), or null
     * when the caller has no till. Call it last in the posting: it locks the till's counter.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Supplier<String> issue(JournalEntry entry, String accountNumber, String counterparty) {
        Caller teller = currentUser.caller();
        if (teller.tillCode() == null) {
            return () -> null;
        }
        return sequences.issue(new VoucherSequences.Draft(entry.id(), entry.branchCode(), entry.businessDate(),
                teller.tillCode(), accountNumber, counterparty, teller.username()));
    }

    /** The voucher number of a posting, or null when it has none. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String numberOf(long entryId) {
        return em.createQuery("SELECT v.number FROM Voucher v WHERE v.entryId = :entry", String.class)
                .setParameter("entry", entryId).getResultStream().findFirst().orElse(null);
    }

    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    public VoucherContent voucher(String voucherNo) {
        return content(require(voucherNo));
    }

    /** Records that the customer confirmed (signed) the voucher. */
    public VoucherContent confirm(String voucherNo) {
        Voucher voucher = require(voucherNo);
        AppUser caller = currentUser.get();
        voucher.confirm(caller.username(), caller.branchCode(), currentUser.roles().contains(Roles.SUPERVISOR),
                StoredTime.now(clock));
        return content(voucher);
    }

    /** A customer's rating of the service (服务评价) of a voucher's transaction: 1 (very unsatisfied) to 5. */
    public record Rating(String voucherNo, String teller, int score, Instant ratedAt) {
    }

    /**
     * The customer rates the transaction of a voucher of today at the branch's counter, once: the same
     * score again is answered as the first time; another score is refused (VOUCHER_ALREADY_RATED).
     */
    public Rating rate(String voucherNo, Integer score) {
        if (score == null || score < 1 || score > 5) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "score", "a whole number from 1 to 5");
        }
        Voucher voucher = require(voucherNo);
        currentUser.get().requireBranch(voucher.branchCode());
        if (!voucher.businessDate().equals(calendar.today())) {
            throw new TellerException(ErrorCode.VOUCHER_RATING_CLOSED, voucher.number(), voucher.businessDate());
        }
        List<Object[]> given = jdbc.query("SELECT score, rated_at FROM service_rating WHERE voucher_no = ? FOR UPDATE",
                row -> new Object[] {row.getInt(1), row.getTimestamp(2).toInstant()}, voucher.number());
        if (!given.isEmpty()) {
            if ((Integer) given.get(0)[0] != score) {
                throw new TellerException(ErrorCode.VOUCHER_ALREADY_RATED, voucher.number(), given.get(0)[0]);
            }
            return new Rating(voucher.number(), voucher.teller(), score, (Instant) given.get(0)[1]);
        }
        Instant now = StoredTime.now(clock);
        try {
            jdbc.update("INSERT INTO service_rating (voucher_no, branch_code, business_date, teller, score, rated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", voucher.number(), voucher.branchCode(), voucher.businessDate(),
                    voucher.teller(), score, now);
        } catch (RuntimeException twice) { // rated at the same moment elsewhere: the first rating stands
            throw new TellerException(ErrorCode.VOUCHER_ALREADY_RATED, voucher.number(), "—");
        }
        audit.record("SERVICE_RATED", "voucher:" + voucher.number(), "score " + score + " for " + voucher.teller(),
                AuditEvent.SUCCESS);
        return new Rating(voucher.number(), voucher.teller(), score, now);
    }

    /** The voucher as PDF; counts the print, so every print after the first is marked COPY. */
    public byte[] print(String voucherNo) {
        Voucher voucher = require(voucherNo);
        boolean copy = voucher.printed();
        return VoucherPdf.render(Pdfs.BANK_NAME, content(voucher), copy);
    }

    private Voucher require(String voucherNo) {
        Voucher voucher = voucherNo == null ? null : em.find(Voucher.class, voucherNo.strip());
        if (voucher == null) {
            throw new TellerException(ErrorCode.VOUCHER_NOT_FOUND, String.valueOf(voucherNo));
        }
        return voucher;
    }

    private VoucherContent content(Voucher v) {
        JournalEntry entry = ledger.entry(v.entryId());
        Receipt receipt = Receipt.of(entry, v.accountNumber(), v.counterparty(), v.number());
        Object[] branch = (Object[]) em.createNativeQuery("SELECT name_zh, name_en FROM branch WHERE code = ?1")
                .setParameter(1, v.branchCode()).getSingleResult();
        AppUser teller = em.find(AppUser.class, v.teller());
        return new VoucherContent(v.number(), entry.type(), v.branchCode(), (String) branch[0], (String) branch[1],
                v.businessDate(), entry.postedAt(), entry.id(), VoucherContent.maskAccount(v.accountNumber()),
                holderName(v.accountNumber()), VoucherContent.maskAccount(v.counterparty()),
                v.counterparty() == null ? null : holderName(v.counterparty()), receipt.amount(), receipt.fee(),
                receipt.currency(), receipt.balanceAfter(), v.teller(), teller == null ? "" : teller.displayName(),
                v.printCount(), v.confirmedBy(), v.confirmedAt(), ledger.reversalOf(v.entryId()),
                branches.training(v.branchCode()));
    }

    private String holderName(String accountNumber) {
        Account account = em.find(Account.class, new AccountNumber(accountNumber).value());
        return em.find(Customer.class, account.customerId()).name();
    }
}
