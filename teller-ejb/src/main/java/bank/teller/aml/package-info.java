/**
 * Anti-money-laundering reporting: large cash transactions (大额现金交易, PBOC order 2016 No. 3).
 */
package bank.teller.aml;
