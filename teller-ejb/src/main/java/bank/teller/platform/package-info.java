/**
 * Start-up and infrastructure: schema migration (Liquibase), the database dialect, demo data.
 * Nothing here holds business rules.
 */
package bank.teller.platform;
