package bank.teller.account.domain;

import bank.teller.customer.domain.CustomerType;
import bank.teller.ledger.domain.GlCodes;

/**
 * Kinds of demand account and what each may do. Individuals: class I (Ⅰ类户, full service, one per
 * person), class II (Ⅱ类户, limits on cash and on transfers with other than its bound account) and
 * class III (Ⅲ类户, a small balance cap). Companies: basic (基本存款账户, one per company, the only
 * one that pays cash out), general (一般, cash in only), special-purpose (专用) and temporary (临时,
 * with an expiry at most two years after opening).
 */
public enum AccountType {
    INDIVIDUAL_I(CustomerType.INDIVIDUAL),
    INDIVIDUAL_II(CustomerType.INDIVIDUAL),
    INDIVIDUAL_III(CustomerType.INDIVIDUAL),
    CORPORATE_BASIC(CustomerType.CORPORATE),
    CORPORATE_GENERAL(CustomerType.CORPORATE),
    CORPORATE_SPECIAL(CustomerType.CORPORATE),
    CORPORATE_TEMPORARY(CustomerType.CORPORATE);

    /** Product code in the account number: individual or corporate demand. */
    public static final String PRODUCT_INDIVIDUAL_DEMAND = "01";
    public static final String PRODUCT_CORPORATE_DEMAND = "02";

    private final CustomerType customerType;

    AccountType(CustomerType customerType) {
        this.customerType = customerType;
    }

    public CustomerType customerType() {
        return customerType;
    }

    /** At most one open account of this type per customer (class I; basic). */
    public boolean onePerCustomer() {
        return this == INDIVIDUAL_I || this == CORPORATE_BASIC;
    }

    /** Cash may be paid out: every individual class, and of companies only the basic account. */
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

    public String product() {
        return customerType == CustomerType.INDIVIDUAL ? PRODUCT_INDIVIDUAL_DEMAND : PRODUCT_CORPORATE_DEMAND;
    }

    /** The GL control account the account is a subledger of. */
    public String glCode() {
        return customerType == CustomerType.INDIVIDUAL ? GlCodes.INDIVIDUAL_DEMAND_DEPOSITS : GlCodes.CORPORATE_DEMAND_DEPOSITS;
    }
}
