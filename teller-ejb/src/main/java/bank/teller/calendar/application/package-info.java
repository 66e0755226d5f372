/**
 * The working calendar as reference data: read by the use cases that need business days
 * ({@link bank.teller.calendar.application.WorkingCalendar}), entered per year by an administrator
 * ({@link bank.teller.calendar.application.CalendarYears}).
 */
package bank.teller.calendar.application;
