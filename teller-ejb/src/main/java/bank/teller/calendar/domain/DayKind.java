package bank.teller.calendar.domain;

/** What an entered date is, against the rule that Monday to Friday are working days. */
public enum DayKind {
    /** A public holiday (法定节假日): the bank is closed, whatever day of the week it is. */
    HOLIDAY,
    /** A make-up working day (调休上班日): a Saturday or Sunday on which the bank is open. */
    WORKDAY
}
