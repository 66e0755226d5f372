/**
 * The REST API under /api/v1: JSON, amounts as two-decimal strings, an Idempotency-Key header on
 * every write, errors as application/problem+json with a stable code. Resources delegate to the
 * application services; they never return entities.
 */
package bank.teller.web.api;
