/**
 * Payments to and from other banks: wire transfers out (电汇) and their states as the clearing
 * system answers, the clearing routes and the banks' codes. Uses the shared kernel only; the
 * postings are the application layer's.
 */
package bank.teller.payment.domain;
