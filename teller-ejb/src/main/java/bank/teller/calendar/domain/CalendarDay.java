package bank.teller.calendar.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/** A date the administrator entered: a holiday, or a weekend day worked in its place. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

    public static final int NAME_MAX = 60;

    /** Checks an entered day: a make-up working day must fall on a weekend, where the bank is otherwise closed. */
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = Text.required("name", name, NAME_MAX);
        if (kind == DayKind.WORKDAY && !isWeekend(date)) {
            throw new TellerException(ErrorCode.CALENDAR_WORKDAY_NOT_WEEKEND, date);
        }
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
