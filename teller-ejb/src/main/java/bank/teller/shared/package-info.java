/**
 * Shared kernel: money, error codes, the business calendar. Used by every context; depends on
 * nothing but the Jakarta EE API.
 */
package bank.teller.shared;
