package bank.teller.calendar.domain;

import java.time.LocalDate;

/**
 * What a product does with a date (a maturity, a settlement) that falls on a day the bank is
 * closed: each product names its rule.
 */
public enum HolidayRule {
    /** The date stands, business day or not. */
    UNADJUSTED,
    /** The next business day (顺延). */
    FOLLOWING,
    /** The previous business day (提前). */
    PRECEDING,
    /** The next business day, unless that is in the next month: then the previous one. */
    MODIFIED_FOLLOWING;

    public LocalDate adjust(LocalDate date, WorkingDays days) {
        if (this == UNADJUSTED || days.isBusinessDay(date)) {
            return date;
        }
        return switch (this) {
            case FOLLOWING -> days.next(date);
            case PRECEDING -> days.previous(date);
            case MODIFIED_FOLLOWING -> {
                LocalDate following = days.next(date);
                yield following.getMonth() == date.getMonth() ? following : days.previous(date);
            }
            case UNADJUSTED -> date;
        };
    }
}
