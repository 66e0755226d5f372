package bank.teller.account.domain;

import bank.teller.customer.domain.CustomerType;
import bank.teller.ledger.domain.GlCodes;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Kinds of demand account and what each may do. Individuals: class I (Ⅰ类户, full service, one per
 * person), class II (Ⅱ类户, limits on cash and on transfers with other than its bound account) and
 * class III (Ⅲ类户, a small balance cap). Companies: basic (基本存款账户, one per company, the only
 * one that pays cash out), general (一般, cash in only), special-purpose (专用) and temporary (临时,
 * with an expiry at most two years after opening). Time (定期) and notice (通知) deposits of either
 * are accounts too, whose money moves only by their deposit transactions ({@link #isTerm}).
 */
public enum AccountType {
    INDIVIDUAL_I(CustomerType.INDIVIDUAL),
    INDIVIDUAL_II(CustomerType.INDIVIDUAL),
    INDIVIDUAL_III(CustomerType.INDIVIDUAL),
    CORPORATE_BASIC(CustomerType.CORPORATE),
    CORPORATE_GENERAL(CustomerType.CORPORATE),
    CORPORATE_SPECIAL(CustomerType.CORPORATE),
    CORPORATE_TEMPORARY(CustomerType.CORPORATE),
    INDIVIDUAL_TIME(CustomerType.INDIVIDUAL, Term.TIME, "03", GlCodes.INDIVIDUAL_TIME_DEPOSITS),
    CORPORATE_TIME(CustomerType.CORPORATE, Term.TIME, "04", GlCodes.CORPORATE_TIME_DEPOSITS),
    INDIVIDUAL_NOTICE(CustomerType.INDIVIDUAL, Term.NOTICE, "05", GlCodes.INDIVIDUAL_NOTICE_DEPOSITS),
    CORPORATE_NOTICE(CustomerType.CORPORATE, Term.NOTICE, "06", GlCodes.CORPORATE_NOTICE_DEPOSITS);

    /** Product code in the account number: individual or corporate demand. */
    public static final String PRODUCT_INDIVIDUAL_DEMAND = "01";
    public static final String PRODUCT_CORPORATE_DEMAND = "02";

    /** Demand, time or notice. */
    private enum Term { DEMAND, TIME, NOTICE }

    private final CustomerType customerType;
    private final Term term;
    private final String product;
    private final String glCode;

    AccountType(CustomerType customerType) {
        this(customerType, Term.DEMAND,
                customerType == CustomerType.INDIVIDUAL ? PRODUCT_INDIVIDUAL_DEMAND : PRODUCT_CORPORATE_DEMAND,
                customerType == CustomerType.INDIVIDUAL ? GlCodes.INDIVIDUAL_DEMAND_DEPOSITS
                        : GlCodes.CORPORATE_DEMAND_DEPOSITS);
    }

    AccountType(CustomerType customerType, Term term, String product, String glCode) {
        this.customerType = customerType;
        this.term = term;
        this.product = product;
        this.glCode = glCode;
    }

    /** A time or notice deposit: opened, paid into and out of only by its deposit transactions. */
    public boolean isTerm() {
        return term != Term.DEMAND;
    }

    public boolean isTime() {
        return term == Term.TIME;
    }

    public boolean isNotice() {
        return term == Term.NOTICE;
    }

    /** The demand types, quoted and separated by commas, for an SQL {@code IN (...)}. */
    public static String demandTypesInSql() {
        return Arrays.stream(values()).filter(t -> !t.isTerm()).map(t -> "'" + t.name() + "'")
                .collect(Collectors.joining(", "));
    }

    /** The time or notice deposit account type of a customer of {@code customerType}. */
    public static AccountType termOf(CustomerType customerType, boolean time) {
        if (customerType == CustomerType.INDIVIDUAL) {
            return time ? INDIVIDUAL_TIME : INDIVIDUAL_NOTICE;
        }
        return time ? CORPORATE_TIME : CORPORATE_NOTICE;
    }

    public CustomerType customerType() {
        return customerType;
    }

    /** At most one open account of this type per customer (class I; basic). */
    public boolean onePerCustomer() {
        return this == INDIVIDUAL_I || this == CORPORATE_BASIC;
    }

    /** Cash may be paid out: every individual account, and of companies' only the basic account. */
    public boolean paysCashOut() {
        return customerType == CustomerType.INDIVIDUAL || this == CORPORATE_BASIC;
    }

    /** A debit card goes with individual class I and II accounts only. */
    public boolean takesCards() {
        return this == INDIVIDUAL_I || this == INDIVIDUAL_II;
    }

    public boolean hasExpiry() {
        return this == CORPORATE_TEMPORARY;
    }

    /** Class II and III accounts are bound to their holder's class-I account where there is one. */
    public boolean boundToClassI() {
        return this == INDIVIDUAL_II || this == INDIVIDUAL_III;
    }

    /** The product code in the account number. */
    public String product() {
        return product;
    }

    /** The GL control account the account is a subledger of. */
    public String glCode() {
        return glCode;
    }
}
