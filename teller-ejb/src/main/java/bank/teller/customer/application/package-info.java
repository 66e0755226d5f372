/**
 * Customer use cases: identity verification through its port, registration, search.
 */
package bank.teller.customer.application;
