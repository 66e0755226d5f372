/**
 * The bank's working calendar (营业日历): which dates are business days, from the public holidays
 * and the make-up working days (调休) an administrator enters per year, and how a product moves a
 * date that falls on a day the bank is closed. Pure date arithmetic; knows nothing of postings.
 */
package bank.teller.calendar.domain;
