/**
 * The payment use cases: sending a wire (the payer debited into 汇出汇款在途 in one posting, the
 * message to clearing through an outbox), the clearing system's answers (settled, rejected, returned:
 * the money back to the payer), and the progress of a wire. Posts through the account context's
 * posting path; must not use the web or batch layers.
 */
package bank.teller.payment.application;
