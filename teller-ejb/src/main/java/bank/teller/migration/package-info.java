/**
 * Migration from the bank's old system (业务迁移): a branch's exported files staged row by row
 * ({@link bank.teller.migration.Migrations#load}), imported by the {@code migration-import} job through
 * Teller's own rules ({@link bank.teller.migration.MigrationImport}), proved by control totals against
 * the old system's, and signed off or discarded to be migrated again.
 */
package bank.teller.migration;
