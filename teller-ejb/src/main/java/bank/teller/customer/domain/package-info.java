/**
 * Customers (客户): who they are and how they are identified. Must not use accounts or the ledger.
 */
package bank.teller.customer.domain;
