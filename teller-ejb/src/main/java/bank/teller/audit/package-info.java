/**
 * The audit trail: append-only records in hash chains (one per actor), sealed daily with a keyed
 * MAC; a verifier that finds modified, deleted and inserted records; search and export for auditors.
 */
package bank.teller.audit;
