package bank.teller.ledger.domain;

/** Codes of the GL accounts the application posts to; the chart itself is in the migrations. */
public final class GlCodes {
    public static final String TILL_CASH = "1001";
    public static final String VAULT_CASH = "1002";
    public static final String CLEARING = "1011";
    public static final String CASH_SHORTAGE = "1221";
    public static final String CASH_OVERAGE = "2241";
    public static final String SUSPENSE = "2251";
    /** 汇出汇款（在途）: wires sent to other banks and not settled by the clearing system yet. */
    public static final String WIRES_IN_TRANSIT = "2261";
    /** 代扣款项（待划转）: what payers were debited for a company and it has not been credited yet. */
    public static final String DIRECT_DEBITS_TO_PAY = "2271";
    /** 业务及管理费: what the bank spends (reimbursed claims among it). */
    public static final String OPERATING_EXPENSES = "6601";
    /** 应付利息: interest owed and not paid yet, accrued by end of day (a matured time deposit's overdue days). */
    public static final String ACCRUED_INTEREST_PAYABLE = "2231";
    /**
     * 系统迁移过渡户: the other side of the opening balances a migration from the old system books, so
     * the ledger balances from the first day (its balance is the old system's deposits at the branch).
     */
    public static final String MIGRATION_CLEARING = "1999";
    public static final String INDIVIDUAL_DEMAND_DEPOSITS = "2011";
    public static final String CORPORATE_DEMAND_DEPOSITS = "2012";
    public static final String INDIVIDUAL_TIME_DEPOSITS = "2013";
    public static final String CORPORATE_TIME_DEPOSITS = "2014";
    public static final String INDIVIDUAL_NOTICE_DEPOSITS = "2015";
    public static final String CORPORATE_NOTICE_DEPOSITS = "2016";
    public static final String FEE_INCOME = "6021";
    public static final String INTEREST_EXPENSE = "6411";

    private GlCodes() {
    }
}
