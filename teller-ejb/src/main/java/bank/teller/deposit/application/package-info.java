/**
 * Deposit products' reference data and use cases: the interest rate tables
 * ({@link bank.teller.deposit.application.InterestRates}, read by {@link
 * bank.teller.deposit.application.RateTables}).
 */
package bank.teller.deposit.application;
