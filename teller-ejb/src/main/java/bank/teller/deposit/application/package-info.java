/**
 * Deposit products' reference data and use cases: the interest rate tables
 * ({@link bank.teller.deposit.application.InterestRates}, read by {@link
 * bank.teller.deposit.application.RateTables}) and demand interest as end of day accrues and settles
 * it ({@link bank.teller.deposit.application.DemandInterest}).
 */
package bank.teller.deposit.application;
