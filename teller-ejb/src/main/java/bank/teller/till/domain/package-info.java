/**
 * Tills (尾箱) and the branch vault (库房): a teller's cash drawer for a business date, the cash it
 * holds, its count by denomination at close.
 */
package bank.teller.till.domain;
