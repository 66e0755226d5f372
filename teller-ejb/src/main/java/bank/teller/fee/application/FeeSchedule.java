package bank.teller.fee.application;

import bank.teller.account.domain.AccountType;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.fee.domain.FeeMethod;
import bank.teller.fee.domain.FeeRule;
import bank.teller.fee.domain.FeeTier;
import bank.teller.fee.domain.FeeWaiver;
import bank.teller.platform.Database;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fee schedule as administrators keep it (费用标准维护): every rule with its history, and the
 * waivers; a change is a new rule in force from a day after today, the rule it replaces (the same
 * transaction, customer type and class, channel) ending the day before, so no day already past or
 * under way ever changes its fees. Every change is audited and every server reads the schedule anew.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR})
public class FeeSchedule {

    private static final String TRANSACTION_TYPE = "[A-Z][A-Z_]{2,29}";
    private static final List<String> CUSTOMER_TYPES = List.of("INDIVIDUAL", "CORPORATE", FeeRule.ANY);
    private static final List<String> CHANNELS = List.of("COUNTER", "ONLINE", FeeRule.ANY);

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private BusinessCalendar calendar;
    @Inject
    private Database database;
    @EJB
    private AuditTrail audit;
    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /** A tier as typed: amounts up to {@code upTo} (empty: any) cost {@code fee}. */
    public record TierRequest(String upTo, String fee) {
    }

    /** A rule as an administrator types it, with the day it takes effect. */
    public record RuleRequest(String transactionType, String customerType, String accountType, String channel,
                              String method, String fixedAmount, String rate, String minFee, String maxFee,
                              List<TierRequest> tiers, String descriptionZh, String descriptionEn, String validFrom) {
    }

    /** A rule as the schedule screen shows it. */
    public record RuleView(long id, String transactionType, String customerType, String accountType, String channel,
                           String method, String fixedAmount, String rate, String minFee, String maxFee,
                           List<String> tiers, String descriptionZh, String descriptionEn, LocalDate validFrom,
                           LocalDate validTo, String createdBy) {

        static RuleView of(FeeRule rule) {
            return new RuleView(rule.id(), rule.transactionType(), rule.customerType(), rule.accountType(),
                    rule.channel(), rule.method().name(), plain(rule.fixedAmount()), plain(rule.rate()),
                    plain(rule.minFee()), plain(rule.maxFee()), rule.tiers().stream()
                    .map(t -> (t.upTo() == null ? "*" : t.upTo().toPlainString()) + ":" + t.fee().toPlainString())
                    .toList(), rule.descriptionZh(), rule.descriptionEn(), rule.validFrom(), rule.validTo(),
                    rule.createdBy());
        }

        private static String plain(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }
    }

    /** A waiver as the schedule screen shows it. */
    public record WaiverView(long id, String transactionType, String accountType, String channel, Integer freePerMonth,
                             String descriptionZh, String descriptionEn, LocalDate validFrom, LocalDate validTo) {

        static WaiverView of(FeeWaiver waiver) {
            return new WaiverView(waiver.id(), waiver.transactionType(), waiver.accountType(), waiver.channel(),
                    waiver.freePerMonth(), waiver.descriptionZh(), waiver.descriptionEn(), waiver.validFrom(),
                    waiver.validTo());
        }
    }

    /** Whether a transaction's fee goes back with its money when it ends so (a wire rejected or returned). */
    public record RefundView(String transactionType, String outcome, boolean refund, String descriptionZh,
                             String descriptionEn) {
    }

    /**
     * A periodic account fee end of day charges at the month's end (its amount the rules of its
     * transaction type): who owes it, and for the small-balance fee the average daily balance under
     * which an account does.
     */
    public record PeriodicView(String transactionType, String balanceBelow, String descriptionZh, String descriptionEn) {
    }

    /** Every rule, past, present and to come, by transaction type and then from when. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RuleView> rules() {
        return em.createQuery("SELECT r FROM FeeRule r ORDER BY r.transactionType, r.validFrom, r.id", FeeRule.class)
                .getResultList().stream().map(RuleView::of).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WaiverView> waivers() {
        return em.createQuery("SELECT w FROM FeeWaiver w ORDER BY w.transactionType, w.validFrom, w.id", FeeWaiver.class)
                .getResultList().stream().map(WaiverView::of).toList();
    }

    /** The refund rules: which failed transactions give their fee back. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RefundView> refunds() {
        List<?> rows = em.createNativeQuery("SELECT transaction_type, outcome, refund, description_zh, description_en "
                + "FROM fee_refund_rule ORDER BY transaction_type, outcome").getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new RefundView((String) row[0], (String) row[1],
                Boolean.TRUE.equals(row[2]), (String) row[3], (String) row[4])).toList();
    }

    /** The periodic account fees (annual card fee, small-balance fee). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PeriodicView> periodicFees() {
        List<?> rows = em.createNativeQuery("SELECT code, balance_below, description_zh, description_en FROM periodic_fee "
                + "ORDER BY code").getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new PeriodicView((String) row[0],
                row[1] == null ? null : ((BigDecimal) row[1]).setScale(2).toPlainString(), (String) row[2],
                (String) row[3])).toList();
    }

    /**
     * Puts a rule in the schedule from {@code validFrom}, a day after today (FEE_RULE_HISTORY
     * otherwise); the rules it replaces end the day before.
     */
    @RolesAllowed(Roles.ADMIN)
    public RuleView schedule(RuleRequest request) {
        LocalDate today = calendar.today();
        LocalDate from = Dates.required("validFrom", request.validFrom());
        if (!from.isAfter(today)) {
            throw new TellerException(ErrorCode.FEE_RULE_HISTORY, "-", from, today);
        }
        FeeRule.Terms terms = terms(request);
        List<FeeRule> replaced = em.createQuery("SELECT r FROM FeeRule r WHERE r.transactionType = :type",
                        FeeRule.class).setParameter("type", terms.transactionType())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream()
                .filter(r -> r.samePlaceAs(terms) && r.inForceOnOrAfter(from)).toList();
        replaced.forEach(r -> r.endBefore(from, today));
        FeeRule rule = FeeRule.scheduled(database.nextValue("fee_rule_seq"), terms, from, caller(),
                StoredTime.now(clock));
        em.persist(rule);
        calendar.referenceChanged(); // every server's postings price with it from its first day
        audit.record("FEE_RULE_SCHEDULED", String.valueOf(rule.id()), terms.transactionType() + " "
                + terms.customerType() + "/" + terms.accountType() + "/" + terms.channel() + " " + terms.method()
                + " from " + from + (replaced.isEmpty() ? "" : ", ending " + replaced.stream()
                .map(r -> String.valueOf(r.id())).toList()), AuditEvent.SUCCESS);
        return RuleView.of(rule);
    }

    /** Ends a rule after {@code lastDay}, today or later (FEE_RULE_HISTORY before): from the next day it prices nothing. */
    @RolesAllowed(Roles.ADMIN)
    public RuleView end(long ruleId, String lastDay) {
        FeeRule rule = em.find(FeeRule.class, ruleId, LockModeType.PESSIMISTIC_WRITE);
        if (rule == null) {
            throw new TellerException(ErrorCode.FEE_RULE_NOT_FOUND, ruleId);
        }
        LocalDate last = Dates.required("lastDay", lastDay);
        rule.endBefore(last.plusDays(1), calendar.today());
        calendar.referenceChanged();
        audit.record("FEE_RULE_ENDED", String.valueOf(ruleId), "last day " + rule.validTo(), AuditEvent.SUCCESS);
        return RuleView.of(rule);
    }

    /** The request checked: every field the method needs, well formed (FEE_RULE_INVALID, with what is wrong). */
    private static FeeRule.Terms terms(RuleRequest request) {
        String type = Text.required("transactionType", request.transactionType(), 30);
        if (!type.matches(TRANSACTION_TYPE)) {
            throw new TellerException(ErrorCode.FEE_RULE_INVALID, "transactionType " + type);
        }
        String customerType = oneOf("customerType", request.customerType(), CUSTOMER_TYPES);
        String channel = oneOf("channel", request.channel(), CHANNELS);
        String accountType = request.accountType() == null || request.accountType().isBlank() ? null
                : Text.oneOf("accountType", request.accountType(), AccountType.class).name();
        FeeMethod method = Text.oneOf("method", request.method(), FeeMethod.class);
        BigDecimal fixed = null;
        BigDecimal rate = null;
        BigDecimal min = null;
        BigDecimal max = null;
        List<FeeTier> tiers = new ArrayList<>();
        switch (method) {
            case FIXED -> fixed = money("fixedAmount", request.fixedAmount());
            case PERCENT -> {
                rate = rate(request.rate());
                min = money("minFee", request.minFee());
                max = money("maxFee", request.maxFee());
                if (max.compareTo(min) < 0) {
                    throw new TellerException(ErrorCode.FEE_RULE_INVALID, "maxFee below minFee");
                }
            }
            default -> tiers = tiers(request.tiers());
        }
        return new FeeRule.Terms(type, customerType, accountType, channel, method, fixed, rate, min, max, tiers,
                Text.required("descriptionZh", request.descriptionZh(), 100),
                Text.required("descriptionEn", request.descriptionEn(), 100));
    }

    private static List<FeeTier> tiers(List<TierRequest> asked) {
        if (asked == null || asked.isEmpty() || asked.size() > 20) {
            throw new TellerException(ErrorCode.FEE_RULE_INVALID, "a tiered rule has 1 to 20 tiers");
        }
        List<FeeTier> tiers = new ArrayList<>();
        BigDecimal below = BigDecimal.ZERO;
        for (int i = 0; i < asked.size(); i++) {
            TierRequest tier = asked.get(i);
            boolean last = i == asked.size() - 1;
            String upToText = tier == null ? null : tier.upTo();
            BigDecimal upTo = upToText == null || upToText.isBlank() ? null : money("upTo", upToText);
            if (last != (upTo == null) || upTo != null && upTo.compareTo(below) <= 0) {
                throw new TellerException(ErrorCode.FEE_RULE_INVALID,
                        "tiers rise, each above the one before, and only the last is open-ended");
            }
            tiers.add(new FeeTier(i + 1, upTo, money("fee", tier.fee())));
            below = upTo == null ? below : upTo;
        }
        return tiers;
    }

    private static BigDecimal money(String field, String text) {
        Money money = Money.parse(Text.required(field, text, 21), Money.CNY);
        if (money.amount().signum() < 0) {
            throw new TellerException(ErrorCode.FEE_RULE_INVALID, field + " below zero");
        }
        return money.amount();
    }

    private static BigDecimal rate(String text) {
        try {
            BigDecimal rate = new BigDecimal(Text.required("rate", text, 12));
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0 || rate.scale() > 6) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new TellerException(ErrorCode.FEE_RULE_INVALID, "rate must be a fraction from 0 to 1, at most 6 places");
        }
    }

    private static String oneOf(String field, String value, List<String> choices) {
        String text = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!choices.contains(text)) {
            throw new TellerException(ErrorCode.FEE_RULE_INVALID, field + " must be one of " + choices);
        }
        return text;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
