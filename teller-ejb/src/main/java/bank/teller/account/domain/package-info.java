/**
 * Customer accounts (账户): numbers, states and balances. Knows customers by id; posts to the
 * ledger only through the application layer, which records the journal entry.
 */
package bank.teller.account.domain;
