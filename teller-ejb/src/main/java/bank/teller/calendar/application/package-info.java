/**
 * The working calendar as reference data: read by the use cases that need business days
 * ({@link bank.teller.calendar.application.WorkingCalendar}), entered per year by an administrator
 * ({@link bank.teller.calendar.application.CalendarYears}); the business day of each branch and the
 * date roll ({@link bank.teller.calendar.application.BusinessDays}) and the report of an end-of-day
 * run ({@link bank.teller.calendar.application.EndOfDaySteps}).
 */
package bank.teller.calendar.application;
