package bank.teller.fee.application;

import bank.teller.fee.domain.FeeRule;
import bank.teller.fee.domain.FeeWaiver;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Money;
import bank.teller.shared.ReferenceData;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;

/**
 * The fee schedule applied: which rule (if any) prices a transaction for a customer type and class
 * in the caller's channel today, whether a waiver frees it, and what it costs. Postings and quotes ask the same question here, so
 * the fee shown before confirming is the fee charged (unless the schedule changes in between).
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.CHANNEL, Roles.TERMINAL})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Fees {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private ReferenceData referenceData;

    /** Who pays a fee: the customer's type, the account's type (the customer class) and the account. */
    public record Payer(String customerType, String accountType, String accountNumber) {
    }

    /**
     * The fee for {@code amount} of {@code transactionType} paid from {@code payer}'s account: the
     * schedule's rule, unless a waiver frees it (always, or while the account has done fewer than its
     * number of them this month).
     */
    public FeeQuote quote(String transactionType, Payer payer, Money amount) {
        FeeWaiver waiver = waiver(transactionType, payer);
        if (waiver != null) {
            return new FeeQuote(transactionType, amount.toPlainString(), Money.zero(amount.currency()).toPlainString(),
                    amount.currency(), null, waiver.descriptionZh(), waiver.descriptionEn());
        }
        FeeRule rule = rule(transactionType, payer);
        Money fee = fee(rule, amount);
        return new FeeQuote(transactionType, amount.toPlainString(), fee.toPlainString(), amount.currency(),
                rule == null ? null : rule.id(), rule == null ? null : rule.descriptionZh(),
                rule == null ? null : rule.descriptionEn());
    }

    /** The fee alone, as money. */
    public Money feeFor(String transactionType, Payer payer, Money amount) {
        return waiver(transactionType, payer) != null ? Money.zero(amount.currency())
                : fee(rule(transactionType, payer), amount);
    }

    /**
     * Whether the fee of {@code transactionType} goes back with its money when it ends in {@code outcome}
     * (a wire REJECTED or RETURNED), as the schedule's refund rules say; without a rule it is kept.
     */
    @PermitAll // the clearing system's answers ask it too
    public boolean refundsFee(String transactionType, String outcome) {
        return referenceData.get(calendar.referenceVersion(), "fee refunds", transactionType + "/" + outcome,
                () -> !em.createNativeQuery("SELECT 1 FROM fee_refund_rule WHERE transaction_type = ?1 AND outcome = ?2 "
                                + "AND refund = TRUE").setParameter(1, transactionType).setParameter(2, outcome)
                        .setFlushMode(FlushModeType.COMMIT).getResultList().isEmpty());
    }

    /** Reads the schedule of {@code transactionType} for this transaction now, before a posting locks its accounts. */
    @PermitAll
    public void prefetch(String transactionType) {
        rules(transactionType);
        waivers(transactionType);
    }

    private FeeRule rule(String transactionType, Payer payer) {
        return FeeRule.select(rules(transactionType), transactionType, payer.customerType(), payer.accountType(),
                currentUser.channel(), calendar.today());
    }

    /** The waiver that frees this one, or null. */
    private FeeWaiver waiver(String transactionType, Payer payer) {
        LocalDate today = calendar.today();
        FeeWaiver waiver = FeeWaiver.select(waivers(transactionType), transactionType, payer.accountType(),
                currentUser.channel(), today);
        if (waiver == null || !waiver.counted()) {
            return waiver;
        }
        long done = payer.accountNumber() == null ? 0 : ((Number) em.createNativeQuery(
                        "SELECT COUNT(DISTINCT e.id) FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id "
                                + "WHERE l.account_number = ?1 AND e.entry_type = ?2 AND e.business_date >= ?3")
                .setParameter(1, payer.accountNumber()).setParameter(2, transactionType)
                .setParameter(3, today.withDayOfMonth(1)).setFlushMode(FlushModeType.COMMIT).getSingleResult())
                .longValue();
        return waiver.frees(done) ? waiver : null;
    }

    private List<FeeWaiver> waivers(String transactionType) {
        return referenceData.get(calendar.referenceVersion(), "fee waivers", transactionType, () -> List.copyOf(
                em.createQuery("SELECT w FROM FeeWaiver w WHERE w.transactionType = :type", FeeWaiver.class)
                        .setParameter("type", transactionType).setFlushMode(FlushModeType.COMMIT).getResultList()));
    }

    /** The schedule's rules of the type, read once per version of the reference data (never changed once read). */
    private List<FeeRule> rules(String transactionType) {
        // the schedule is never written in a posting's transaction: no flush of its changes first
        return referenceData.get(calendar.referenceVersion(), "fee rules", transactionType, () -> List.copyOf(em.createQuery(
                        "SELECT r FROM FeeRule r WHERE r.transactionType = :type", FeeRule.class)
                .setParameter("type", transactionType).setFlushMode(FlushModeType.COMMIT).getResultList()));
    }

    private static Money fee(FeeRule rule, Money amount) {
        return rule == null ? Money.zero(amount.currency()) : rule.feeFor(amount);
    }
}
