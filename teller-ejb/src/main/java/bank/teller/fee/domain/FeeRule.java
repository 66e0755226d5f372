package bank.teller.fee.domain;

import bank.teller.shared.Money;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the fee schedule: for a transaction type, customer type (or ANY) and channel (or
 * ANY), in force from {@code validFrom} to {@code validTo} (inclusive, open-ended when null), the
 * fee by its {@link FeeMethod}.
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
     * and matching the customer type and channel (exactly or as ANY), the most specific one (an
     * exact customer type counts more than an exact channel).
     */
    public static FeeRule select(List<FeeRule> rules, String transactionType, String customerType, String channel,
                                 LocalDate date) {
        return rules.stream()
                .filter(r -> r.transactionType.equals(transactionType))
                .filter(r -> !date.isBefore(r.validFrom) && (r.validTo == null || !date.isAfter(r.validTo)))
                .filter(r -> r.customerType.equals(customerType) || r.customerType.equals(ANY))
                .filter(r -> r.channel.equals(channel) || r.channel.equals(ANY))
                .max(Comparator.comparingInt(FeeRule::specificity).thenComparing(r -> r.id))
                .orElse(null);
    }

    private int specificity() {
        return (customerType.equals(ANY) ? 0 : 2) + (channel.equals(ANY) ? 0 : 1);
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
}
