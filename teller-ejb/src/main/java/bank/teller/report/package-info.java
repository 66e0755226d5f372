/**
 * Dashboards and business reports (报表, issue 19): the summary tables the posting path, the activity
 * folder and end of day keep, and what the role home pages and reports read from them, never the journal.
 */
package bank.teller.report;
