package bank.teller.calendar.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which dates are business days: Monday to Friday, except the holidays entered, plus the make-up
 * working days entered. Immutable; one is read per version of the reference data.
 */
public final class WorkingDays {

    /** How far to look for a business day before deciding the calendar has none (a year and a week). */
    static final int SEARCH_DAYS = 373;

    private final NavigableMap<LocalDate, CalendarDay> entered;

    public WorkingDays(Collection<CalendarDay> days) {
        TreeMap<LocalDate, CalendarDay> byDate = new TreeMap<>();
        for (CalendarDay day : days) {
            if (byDate.putIfAbsent(day.date(), day) != null) {
                throw new TellerException(ErrorCode.CALENDAR_DAY_TWICE, day.date());
            }
        }
        this.entered = byDate;
    }

    public boolean isBusinessDay(LocalDate date) {
        CalendarDay day = entered.get(date);
        if (day != null) {
            return day.kind() == DayKind.WORKDAY;
        }
        return !CalendarDay.isWeekend(date);
    }

    /** What was entered for {@code date}, if anything. */
    public Optional<CalendarDay> entered(LocalDate date) {
        return Optional.ofNullable(entered.get(date));
    }

    /** What was entered for the days of {@code year}, in date order. */
    public List<CalendarDay> entered(int year) {
        return List.copyOf(entered.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }

    /** The first business day after {@code date}. */
    public LocalDate next(LocalDate date) {
        return step(date, 1);
    }

    /** The last business day before {@code date}. */
    public LocalDate previous(LocalDate date) {
        return step(date, -1);
    }

    private LocalDate step(LocalDate from, int direction) {
        LocalDate day = from;
        for (int i = 0; i < SEARCH_DAYS; i++) {
            day = day.plusDays(direction);
            if (isBusinessDay(day)) {
                return day;
            }
        }
        throw new TellerException(ErrorCode.CALENDAR_NO_BUSINESS_DAY, from, SEARCH_DAYS);
    }
}
