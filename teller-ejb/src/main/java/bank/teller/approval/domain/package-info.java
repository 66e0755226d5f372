/**
 * Approvals (授权, maker-checker): which operations need a second person, and the requests that
 * ask one.
 */
package bank.teller.approval.domain;
