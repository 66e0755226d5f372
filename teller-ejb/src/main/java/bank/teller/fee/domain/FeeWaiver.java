package bank.teller.fee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A waiver of the fee schedule: a transaction type costs nothing for an account type (or any) in a
 * channel (or ANY), always or for the first {@code freePerMonth} of a calendar month, in force from
 * {@code validFrom} to {@code validTo} (inclusive, open-ended when null).
 */
@Entity
@Table(name = "fee_waiver")
public class FeeWaiver {

    @Id
    private Long id;

    @Column(name = "transaction_type", nullable = false, length = 30)
    private String transactionType;

    @Column(name = "account_type", length = 20)
    private String accountType;

    @Column(name = "channel", nullable = false, length = 10)
    private String channel;

    @Column(name = "free_per_month")
    private Integer freePerMonth;

    @Column(name = "description_zh", nullable = false, length = 100)
    private String descriptionZh;

    @Column(name = "description_en", nullable = false, length = 100)
    private String descriptionEn;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected FeeWaiver() {
    }

    /** A waiver as the schedule holds it (used by tests; waivers are reference data). */
    public FeeWaiver(long id, String transactionType, String accountType, String channel, Integer freePerMonth,
                     LocalDate validFrom, LocalDate validTo) {
        this.id = id;
        this.transactionType = transactionType;
        this.accountType = accountType;
        this.channel = channel;
        this.freePerMonth = freePerMonth;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.descriptionZh = transactionType;
        this.descriptionEn = transactionType;
    }

    /**
     * The waiver that applies, or null: among those for the transaction type in force on {@code date}
     * matching the account type and channel (exactly or as any), the most specific (an exact account
     * type counts more than an exact channel).
     */
    public static FeeWaiver select(List<FeeWaiver> waivers, String transactionType, String accountType, String channel,
                                   LocalDate date) {
        return waivers.stream()
                .filter(w -> w.transactionType.equals(transactionType))
                .filter(w -> !date.isBefore(w.validFrom) && (w.validTo == null || !date.isAfter(w.validTo)))
                .filter(w -> w.accountType == null || w.accountType.equals(accountType))
                .filter(w -> w.channel.equals(channel) || w.channel.equals(FeeRule.ANY))
                .max(Comparator.comparingInt(FeeWaiver::specificity).thenComparing(w -> w.id))
                .orElse(null);
    }

    private int specificity() {
        return (accountType == null ? 0 : 2) + (channel.equals(FeeRule.ANY) ? 0 : 1);
    }

    /** Whether a transaction is free, with {@code doneThisMonth} of its type already done on the account this month. */
    public boolean frees(long doneThisMonth) {
        return freePerMonth == null || doneThisMonth < freePerMonth;
    }

    /** Whether it waives only the first transactions of a month (so they need counting). */
    public boolean counted() {
        return freePerMonth != null;
    }

    public Long id() {
        return id;
    }

    public String transactionType() {
        return transactionType;
    }

    public String accountType() {
        return accountType;
    }

    public String channel() {
        return channel;
    }

    public Integer freePerMonth() {
        return freePerMonth;
    }

    public String descriptionZh() {
        return descriptionZh;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }
}
