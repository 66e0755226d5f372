/**
 * Training (培训): a training branch's view and reset by its supervisor. What keeps training's business
 * apart from the bank's is in {@link bank.teller.platform.Branches} and the ledger
 * ({@link bank.teller.ledger.application.Ledger#post}).
 */
package bank.teller.training;
