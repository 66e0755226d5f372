/**
 * Deposit products' interest (利息): day count conventions, rate tables with effective dates, the
 * daily accrual on the end-of-day balance (积数) and the quarterly settlement of demand interest.
 * Pure arithmetic on {@code BigDecimal} and {@code Money}; knows nothing of postings or batches.
 */
package bank.teller.deposit.domain;
