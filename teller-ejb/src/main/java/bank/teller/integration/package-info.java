/**
 * JMS adapters: postings out to the core banking system, channel requests in from online and
 * mobile banking and self-service terminals, and the broker accounts of those systems
 * ({@link bank.teller.integration.JmsAccounts}). Messages are versioned JSON (JSON Schemas in src/main/resources/schemas, checked
 * by MessageSchemasTest); they are
 * sent in the caller's JTA transaction; listeners let failures redeliver and dead-letter.
 */
package bank.teller.integration;
