/**
 * Self-service terminals (自助终端): cash deposit and withdrawal machines and kiosks, each a client of
 * its own registered to a branch, whose cash box is a till of that branch; the customer's card and PIN
 * stand for the account.
 */
package bank.teller.terminal;
