package bank.teller.deposit.domain;

/** The deposit products that earn interest, each with its own rate table and day count. */
public enum DepositProduct {
    /** Demand deposits (活期): ACT/360, settled quarterly. */
    DEMAND(DayCount.ACT_360);

    private final DayCount dayCount;

    DepositProduct(DayCount dayCount) {
        this.dayCount = dayCount;
    }

    public DayCount dayCount() {
        return dayCount;
    }
}
