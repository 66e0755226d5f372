/** The data warehouse feed (数据仓库): each business date's extract, for the bank's analytical systems. */
package bank.teller.warehouse;
