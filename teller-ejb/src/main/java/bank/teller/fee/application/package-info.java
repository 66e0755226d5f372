/**
 * Fee use cases: quoting a fee before the teller confirms, and finding the fee a posting charges.
 */
package bank.teller.fee.application;
