package bank.teller.web.ui;

import bank.teller.fee.application.FeeSchedule;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The fee schedule screen (费用标准): every rule with the days it is in force and who put it there, the
 * waivers; an administrator adds a rule from a day after today (the rule it replaces ends the day
 * before) or ends one. Tiers are typed as {@code up to:fee} pairs, the last one's bound empty or
 * {@code *}: {@code 10000:5, 100000:10, *:15}.
 */
@Named
@ViewScoped
public class FeeSchedulePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FeeSchedule schedule;

    private List<FeeSchedule.RuleView> rules = List.of();
    private List<FeeSchedule.WaiverView> waivers = List.of();
    private List<FeeSchedule.RefundView> refunds = List.of();
    private List<FeeSchedule.PeriodicView> periodicFees = List.of();

    private String transactionType;
    private String customerType = "ANY";
    private String accountType;
    private String channel = "ANY";
    private String method = "FIXED";
    private String fixedAmount;
    private String rate;
    private String minFee;
    private String maxFee;
    private String tiers;
    private String descriptionZh;
    private String descriptionEn;
    private String validFrom;

    @PostConstruct
    void init() {
        List<FeeSchedule.RuleView> all = Screens.attempt(null, () -> schedule.rules());
        rules = all == null ? List.of() : all;
        List<FeeSchedule.WaiverView> free = Screens.attempt(null, () -> schedule.waivers());
        waivers = free == null ? List.of() : free;
        List<FeeSchedule.RefundView> back = Screens.attempt(null, () -> schedule.refunds());
        refunds = back == null ? List.of() : back;
        List<FeeSchedule.PeriodicView> periodic = Screens.attempt(null, () -> schedule.periodicFees());
        periodicFees = periodic == null ? List.of() : periodic;
    }

    public void add() {
        List<FeeSchedule.TierRequest> tierList = tiers == null || tiers.isBlank() ? null : Arrays.stream(tiers.split(","))
                .map(String::strip).map(pair -> {
                    String[] parts = pair.split(":", 2);
                    String upTo = parts[0].strip();
                    return new FeeSchedule.TierRequest(upTo.equals("*") ? null : upTo,
                            parts.length > 1 ? parts[1].strip() : null);
                }).toList();
        FeeSchedule.RuleView added = Screens.attempt("rule:type", () -> schedule.schedule(new FeeSchedule.RuleRequest(
                transactionType, customerType, accountType, channel, method, fixedAmount, rate, minFee, maxFee, tierList,
                descriptionZh, descriptionEn, validFrom)));
        if (added != null) {
            Screens.info(Screens.text("fees.added", added.id(), added.validFrom()));
            init();
        }
    }

    public List<FeeSchedule.RuleView> getRules() {
        return rules;
    }

    public List<FeeSchedule.WaiverView> getWaivers() {
        return waivers;
    }

    public List<FeeSchedule.RefundView> getRefunds() {
        return refunds;
    }

    public List<FeeSchedule.PeriodicView> getPeriodicFees() {
        return periodicFees;
    }

    public String getTransactionType() {
        return transactionType;
    }

    public void setTransactionType(String transactionType) {
        this.transactionType = transactionType;
    }

    public String getCustomerType() {
        return customerType;
    }

    public void setCustomerType(String customerType) {
        this.customerType = customerType;
    }

    public String getAccountType() {
        return accountType;
    }

    public void setAccountType(String accountType) {
        this.accountType = accountType;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getFixedAmount() {
        return fixedAmount;
    }

    public void setFixedAmount(String fixedAmount) {
        this.fixedAmount = fixedAmount;
    }

    public String getRate() {
        return rate;
    }

    public void setRate(String rate) {
        this.rate = rate;
    }

    public String getMinFee() {
        return minFee;
    }

    public void setMinFee(String minFee) {
        this.minFee = minFee;
    }

    public String getMaxFee() {
        return maxFee;
    }

    public void setMaxFee(String maxFee) {
        this.maxFee = maxFee;
    }

    public String getTiers() {
        return tiers;
    }

    public void setTiers(String tiers) {
        this.tiers = tiers;
    }

    public String getDescriptionZh() {
        return descriptionZh;
    }

    public void setDescriptionZh(String descriptionZh) {
        this.descriptionZh = descriptionZh;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }
}
