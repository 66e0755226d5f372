/**
 * Till use cases: opening a till for the day, vault transfers, the till cash behind every cash
 * posting, the count at close and the supervisor's booking of a difference.
 */
package bank.teller.till.application;
