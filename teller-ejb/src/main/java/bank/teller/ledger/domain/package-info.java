/**
 * The general ledger (总账): GL accounts and immutable, balanced journal entries. Every money
 * movement of every other context is one entry here. Must not use the account or customer
 * contexts; a line names a customer account only by its number.
 */
package bank.teller.ledger.domain;
