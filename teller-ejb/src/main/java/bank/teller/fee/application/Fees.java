package bank.teller.fee.application;

import bank.teller.fee.domain.FeeRule;
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
import java.util.List;

/**
 * The fee schedule applied: which rule (if any) prices a transaction for a customer type in the
 * caller's channel today, and what it costs. Postings and quotes ask the same question here, so
 * the fee shown before confirming is the fee charged (unless the schedule changes in between).
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.CHANNEL})
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

    /** The fee for {@code amount} of {@code transactionType} paid by a customer of {@code customerType}. */
    public FeeQuote quote(String transactionType, String customerType, Money amount) {
        FeeRule rule = rule(transactionType, customerType);
        Money fee = fee(rule, amount);
        return new FeeQuote(transactionType, amount.toPlainString(), fee.toPlainString(), amount.currency(),
                rule == null ? null : rule.id(), rule == null ? null : rule.descriptionZh(),
                rule == null ? null : rule.descriptionEn());
    }

    /** The fee alone, as money. */
    public Money feeFor(String transactionType, String customerType, Money amount) {
        return fee(rule(transactionType, customerType), amount);
    }

    /** Reads the schedule of {@code transactionType} for this transaction now, before a posting locks its accounts. */
    @PermitAll
    public void prefetch(String transactionType) {
        rules(transactionType);
    }

    private FeeRule rule(String transactionType, String customerType) {
        return FeeRule.select(rules(transactionType), transactionType, customerType, currentUser.channel(),
                calendar.today());
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
