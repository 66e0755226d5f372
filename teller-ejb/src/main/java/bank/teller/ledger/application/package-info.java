/**
 * Posting to the ledger and checking it: every entry is persisted and announced to the core
 * banking system in the caller's transaction; the trial balance checks the books.
 */
package bank.teller.ledger.application;
