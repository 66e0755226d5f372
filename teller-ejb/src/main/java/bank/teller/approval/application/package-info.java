/**
 * Approval use cases: the check every guarded operation makes, the supervisor's inbox, approval on
 * the spot with the supervisor's credentials.
 */
package bank.teller.approval.application;
