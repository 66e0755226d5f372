/**
 * The counter's web tier: PrimeFaces screens ({@code ui}) and the JAX-RS API ({@code api}). No
 * business rules here: both delegate every use case to the application services and only turn
 * their results and {@link bank.teller.shared.TellerException}s into pages and JSON.
 */
package bank.teller.web;
