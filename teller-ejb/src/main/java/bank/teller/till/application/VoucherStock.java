package bank.teller.till.application;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import bank.teller.till.domain.BlankVoucher;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The branch's important blank vouchers (重要空白凭证): a supervisor receives a numbered range into
 * the vault and issues ranges to tills; the till's teller uses a number (naming what for), spoils
 * one (作废, with a reason) or returns the unused ones. A whole range changes or none of it.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
public class VoucherStock {

    public static final int MAX_RANGE = 1000;
    public static final int NOTE_MAX = 200;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** Numbers {@code from}..{@code to} of {@code kind} arrive in the branch vault. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<BlankVoucherView> receive(String kind, String from, String to) {
        AppUser supervisor = currentUser.get();
        return receiveInto(supervisor.branchCode(), kind, from, to, supervisor.username());
    }

    /**
     * Numbers {@code from}..{@code to} of {@code kind} in the vault of {@code branchCode}, received by
     * {@code by}: a supervisor's delivery, or the stock a migration brings from the old system.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<BlankVoucherView> receiveInto(String branchCode, String kind, String from, String to, String by) {
        Instant now = StoredTime.now(clock);
        List<BlankVoucherView> received = new ArrayList<>();
        for (String serial : range(kind, from, to)) {
            BlankVoucher.Key key = new BlankVoucher.Key(branchCode, kind, serial);
            if (em.find(BlankVoucher.class, key) != null) {
                throw new TellerException(ErrorCode.BLANK_VOUCHER_EXISTS, kind, serial);
            }
            BlankVoucher voucher = new BlankVoucher(key, by, now);
            em.persist(voucher);
            received.add(BlankVoucherView.of(voucher));
        }
        return recorded("BLANK_VOUCHERS_RECEIVED", kind, from, to, "into the vault of " + branchCode, received);
    }

    /** Numbers {@code from}..{@code to} go from the vault to till {@code tillCode}. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<BlankVoucherView> issueToTill(String kind, String from, String to, String tillCode) {
        AppUser supervisor = currentUser.get();
        Instant now = StoredTime.now(clock);
        String till = Text.required("tillCode", tillCode, 3);
        return recorded("BLANK_VOUCHERS_ISSUED", kind, from, to, "to till " + till,
                change(kind, from, to, v -> v.issueTo(till, supervisor.username(), now)));
    }

    /** The teller uses one number for {@code reference} (the certificate's account, the passbook's customer). */
    public BlankVoucherView use(String kind, String serial, String reference) {
        String ref = Text.required("reference", reference, NOTE_MAX);
        AppUser teller = currentUser.get();
        return recorded("BLANK_VOUCHER_USED", kind, serial, serial, "for " + ref,
                change(kind, serial, serial, v -> v.use(teller.tillCode(), ref, teller.username(), StoredTime.now(clock))))
                .get(0);
    }

    /** 作废: a spoiled number is kept with its reason. */
    public BlankVoucherView spoil(String kind, String serial, String reason) {
        String why = Text.required("reason", reason, NOTE_MAX);
        AppUser teller = currentUser.get();
        return recorded("BLANK_VOUCHER_SPOILED", kind, serial, serial, "reason: " + why,
                change(kind, serial, serial, v -> v.spoil(teller.tillCode(), why, teller.username(), StoredTime.now(clock))))
                .get(0);
    }

    /** The teller hands unused numbers back to the vault. */
    public List<BlankVoucherView> returnToVault(String kind, String from, String to) {
        AppUser teller = currentUser.get();
        Instant now = StoredTime.now(clock);
        return recorded("BLANK_VOUCHERS_RETURNED", kind, from, to, "from till " + teller.tillCode(),
                change(kind, from, to, v -> v.returnToVault(teller.tillCode(), teller.username(), now)));
    }

    /** {@code moved}, after the move of {@code from}..{@code to} is in the audit trail. */
    private List<BlankVoucherView> recorded(String action, String kind, String from, String to, String detail,
                                            List<BlankVoucherView> moved) {
        audit.record(action, "blank-voucher:" + kind + "/" + from + (to.equals(from) ? "" : "-" + to),
                moved.size() + " number(s) " + detail, AuditEvent.SUCCESS);
        return moved;
    }

    /** Every number the till has had and where it is now: held, used or spoiled. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BlankVoucherView> ofTill(String tillCode) {
        return em.createQuery("SELECT v FROM BlankVoucher v WHERE v.key.branchCode = :branch AND v.tillCode = :till "
                        + "ORDER BY v.key.kind, v.key.serialNo", BlankVoucher.class)
                .setParameter("branch", currentUser.get().branchCode()).setParameter("till", tillCode)
                .getResultList().stream().map(BlankVoucherView::of).toList();
    }

    /** How many numbers of a kind are where: in the vault, held by a till, used or spoiled (and by which till). */
    public record StockLine(String kind, String status, String tillCode, long count, String first, String last) {
    }

    /**
     * The branch's stock of blank vouchers (重要空白凭证登记簿) as it stands: by kind, status and till,
     * with the first and last number of each group, for the day's accounting.
     */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StockLine> branchStock() {
        return em.createQuery("SELECT v.key.kind, v.status, v.tillCode, COUNT(v), MIN(v.key.serialNo), "
                        + "MAX(v.key.serialNo) FROM BlankVoucher v WHERE v.key.branchCode = :branch "
                        + "GROUP BY v.key.kind, v.status, v.tillCode ORDER BY v.key.kind, v.status, v.tillCode",
                        Object[].class)
                .setParameter("branch", currentUser.get().branchCode()).getResultList().stream()
                .map(r -> new StockLine((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        (String) r[4], (String) r[5])).toList();
    }

    private interface Change {
        void apply(BlankVoucher voucher);
    }

    private List<BlankVoucherView> change(String kind, String from, String to, Change change) {
        String branch = currentUser.get().branchCode();
        List<BlankVoucherView> changed = new ArrayList<>();
        for (String serial : range(kind, from, to)) {
            BlankVoucher voucher = em.find(BlankVoucher.class, new BlankVoucher.Key(branch, kind, serial),
                    LockModeType.PESSIMISTIC_WRITE);
            if (voucher == null) {
                throw new TellerException(ErrorCode.BLANK_VOUCHER_NOT_FOUND, kind, serial);
            }
            change.apply(voucher);
            changed.add(BlankVoucherView.of(voucher));
        }
        return changed;
    }

    /** The serial numbers from..to (digits, same width), at most {@value #MAX_RANGE}. */
    static List<String> range(String kind, String from, String to) {
        if (kind == null || !BlankVoucher.KINDS.contains(kind)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "kind", String.valueOf(kind));
        }
        if (from == null || to == null || !from.matches("\\d{1,12}") || to.length() != from.length()
                || !to.matches("\\d{1,12}")) {
            throw new TellerException(ErrorCode.BLANK_VOUCHER_RANGE_INVALID, from, to, MAX_RANGE);
        }
        long first = Long.parseLong(from);
        long last = Long.parseLong(to);
        if (last < first || last - first >= MAX_RANGE) {
            throw new TellerException(ErrorCode.BLANK_VOUCHER_RANGE_INVALID, from, to, MAX_RANGE);
        }
        List<String> serials = new ArrayList<>();
        for (long n = first; n <= last; n++) {
            serials.add(String.format("%0" + from.length() + "d", n));
        }
        return serials;
    }
}
