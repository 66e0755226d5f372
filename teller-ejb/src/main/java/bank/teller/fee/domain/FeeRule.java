package bank.teller.fee.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One line of the fee schedule: for a transaction type, customer type (or ANY), customer class (an
 * account type, or any when null) and channel (or ANY), in force from {@code validFrom} to {@code
 * validTo} (inclusive, open-ended when null), the fee by its {@link FeeMethod}. A rule once in force
 * is never rewritten: the schedule changes by a new rule from a later day, the one before it ending
 * the day before ({@link #endBefore}).
 */
@Entity
@Table(name = "fee_rule")
public class FeeRule {

    public static final String ANY = "ANY";

    @Id
    private Long id;

    @Column(name = "transaction_type", nullable = false, length = 30)
    private String transactionType;

    @Column(name = "customer_type", nullable = false, length = 10)
    private String customerType;

    @Column(name = "channel", nullable = false, length = 10)
    private String channel;

    @Column(name = "account_type", length = 20)
    private String accountType;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, length = 8)
    private FeeMethod method;

    @Column(name = "fixed_amount", precision = 19, scale = 2)
    private BigDecimal fixedAmount;

    @Column(name = "rate", precision = 9, scale = 6)
    private BigDecimal rate;

    @Column(name = "min_fee", precision = 19, scale = 2)
    private BigDecimal minFee;

    @Column(name = "max_fee", precision = 19, scale = 2)
    private BigDecimal maxFee;

    @Column(name = "description_zh", nullable = false, length = 100)
    private String descriptionZh;

    @Column(name = "description_en", nullable = false, length = 100)
    private String descriptionEn;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "created_by", length = 40)
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "fee_tier", joinColumns = @JoinColumn(name = "rule_id"))
    private List<FeeTier> tiers = new ArrayList<>();

    protected FeeRule() {
    }

    /** A rule as the schedule holds it (used by tests; the schedule itself is reference data). */
    public FeeRule(long id, String transactionType, String customerType, String channel, FeeMethod method,
                   BigDecimal fixedAmount, BigDecimal rate, BigDecimal minFee, BigDecimal maxFee,
                   List<FeeTier> tiers, LocalDate validFrom, LocalDate validTo) {
        this.id = id;
        this.transactionType = transactionType;
        this.customerType = customerType;
        this.channel = channel;
        this.method = method;
        this.fixedAmount = fixedAmount;
        this.rate = rate;
        this.minFee = minFee;
        this.maxFee = maxFee;
        this.tiers = new ArrayList<>(tiers);
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.descriptionZh = transactionType;
        this.descriptionEn = transactionType;
    }

    /** What a rule says, as an administrator puts it in the schedule. */
    public record Terms(String transactionType, String customerType, String accountType, String channel,
                        FeeMethod method, BigDecimal fixedAmount, BigDecimal rate, BigDecimal minFee, BigDecimal maxFee,
                        List<FeeTier> tiers, String descriptionZh, String descriptionEn) {
    }

    /** A rule put in the schedule by {@code user}, in force from {@code from} (never before tomorrow: {@link #endBefore}). */
    public static FeeRule scheduled(long id, Terms terms, LocalDate from, String user, Instant now) {
        FeeRule rule = new FeeRule(id, terms.transactionType(), terms.customerType(), terms.channel(), terms.method(),
                terms.fixedAmount(), terms.rate(), terms.minFee(), terms.maxFee(), terms.tiers(), from, null);
        rule.accountType = terms.accountType();
        rule.descriptionZh = terms.descriptionZh();
        rule.descriptionEn = terms.descriptionEn();
        rule.createdBy = user;
        rule.createdAt = now;
        return rule;
    }

    /** Whether the rule prices the same transactions as {@code terms} (a later rule replaces it). */
    public boolean samePlaceAs(Terms terms) {
        return transactionType.equals(terms.transactionType()) && customerType.equals(terms.customerType())
                && channel.equals(terms.channel()) && Objects.equals(accountType, terms.accountType());
    }

    /**
     * Ends the rule the day before {@code from}, the first day of the rule that replaces it; refused
     * (FEE_RULE_HISTORY) when that would change a day already past or today: history is not rewritten.
     */
    public void endBefore(LocalDate from, LocalDate today) {
        if (!from.isAfter(today)) {
            throw new TellerException(ErrorCode.FEE_RULE_HISTORY, id, from, today);
        }
        LocalDate last = from.minusDays(1);
        if (validTo == null || validTo.isAfter(last)) {
            validTo = last.isBefore(validFrom) ? validFrom.minusDays(1) : last;
        }
    }

    /** Whether it is in force on {@code date}, or will be. */
    public boolean inForceOnOrAfter(LocalDate date) {
        return validTo == null || !validTo.isBefore(date);
    }

    /** The fee for {@code amount} under this rule, in the amount's currency. */
    public Money feeFor(Money amount) {
        BigDecimal fee = switch (method) {
            case FIXED -> fixedAmount;
            case PERCENT -> amount.amount().multiply(rate).setScale(Money.SCALE, RoundingMode.HALF_UP)
                    .max(minFee).min(maxFee);
            case TIERED -> tiers.stream().sorted(Comparator.comparingInt(FeeTier::tierNo))
                    .filter(t -> t.covers(amount.amount())).findFirst().map(FeeTier::fee)
                    .orElseThrow(() -> new IllegalStateException("fee rule " + id + " has no tier for " + amount));
        };
        return Money.of(fee, amount.currency());
    }

    /**
     * The rule that applies, or null: among those for the transaction type in force on {@code date}
     * and matching the customer type, the account type and the channel (exactly or as any), the most
     * specific one.
     */
    public static FeeRule select(List<FeeRule> rules, String transactionType, String customerType, String accountType,
                                 String channel, LocalDate date) {
        return rules.stream()
                .filter(r -> r.transactionType.equals(transactionType))
                .filter(r -> !date.isBefore(r.validFrom) && (r.validTo == null || !date.isAfter(r.validTo)))
                .filter(r -> r.customerType.equals(customerType) || r.customerType.equals(ANY))
                .filter(r -> r.accountType == null || r.accountType.equals(accountType))
                .filter(r -> r.channel.equals(channel) || r.channel.equals(ANY))
                .max(Comparator.comparingInt(FeeRule::specificity).thenComparing(r -> r.id))
                .orElse(null);
    }

    /** An exact account type counts most, then an exact customer type, then an exact channel. */
    private int specificity() {
        return (accountType == null ? 0 : 4) + (customerType.equals(ANY) ? 0 : 2) + (channel.equals(ANY) ? 0 : 1);
    }

    public Long id() {
        return id;
    }

    public String transactionType() {
        return transactionType;
    }

    public String descriptionZh() {
        return descriptionZh;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public String customerType() {
        return customerType;
    }

    public String accountType() {
        return accountType;
    }

    public String channel() {
        return channel;
    }

    public FeeMethod method() {
        return method;
    }

    public BigDecimal fixedAmount() {
        return fixedAmount;
    }

    public BigDecimal rate() {
        return rate;
    }

    public BigDecimal minFee() {
        return minFee;
    }

    public BigDecimal maxFee() {
        return maxFee;
    }

    public List<FeeTier> tiers() {
        return tiers.stream().sorted(Comparator.comparingInt(FeeTier::tierNo)).toList();
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String createdBy() {
        return createdBy;
    }
}
