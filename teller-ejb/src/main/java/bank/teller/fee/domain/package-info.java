/**
 * The fee schedule (收费标准): reference data saying what each transaction costs whom. Pure
 * arithmetic on {@code Money}; knows nothing of accounts or the ledger.
 */
package bank.teller.fee.domain;
