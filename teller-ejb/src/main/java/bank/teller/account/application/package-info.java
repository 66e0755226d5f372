/**
 * Account use cases: opening, cash deposits, inquiry. One public method = one JTA transaction and
 * one role check; entities stay inside, callers get records.
 */
package bank.teller.account.application;
