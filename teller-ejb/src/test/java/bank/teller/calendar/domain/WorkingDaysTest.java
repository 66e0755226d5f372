package bank.teller.calendar.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** A Spring Festival week: Monday 8 to Monday 15 February 2027 closed, Saturday 6 worked in its place. */
    private static final WorkingDays SPRING_FESTIVAL = new WorkingDays(List.of(
            new CalendarDay(date("2027-02-06"), DayKind.WORKDAY, "春节调休"),
            new CalendarDay(date("2027-02-08"), DayKind.HOLIDAY, "春节"),
            new CalendarDay(date("2027-02-09"), DayKind.HOLIDAY, "春节"),
            new CalendarDay(date("2027-02-10"), DayKind.HOLIDAY, "春节"),
            new CalendarDay(date("2027-02-11"), DayKind.HOLIDAY, "春节"),
            new CalendarDay(date("2027-02-12"), DayKind.HOLIDAY, "春节"),
            new CalendarDay(date("2027-02-15"), DayKind.HOLIDAY, "春节")));

    @Test
    void weekdaysWorkWeekendsRestHolidaysCloseAndMakeUpDaysOpen() {
        WorkingDays plain = new WorkingDays(List.of());
        assertTrue(plain.isBusinessDay(date("2027-02-05")), "a Friday");
        assertFalse(plain.isBusinessDay(date("2027-02-06")), "a Saturday");
        assertFalse(plain.isBusinessDay(date("2027-02-07")), "a Sunday");

        assertTrue(SPRING_FESTIVAL.isBusinessDay(date("2027-02-06")), "the make-up Saturday");
        assertFalse(SPRING_FESTIVAL.isBusinessDay(date("2027-02-07")), "the Sunday after it");
        assertFalse(SPRING_FESTIVAL.isBusinessDay(date("2027-02-10")), "a holiday on a Wednesday");
        assertFalse(SPRING_FESTIVAL.isBusinessDay(date("2027-02-15")), "a holiday on a Monday");
        assertTrue(SPRING_FESTIVAL.isBusinessDay(date("2027-02-16")));
    }

    @Test
    void nextAndPreviousBusinessDaysStepOverTheHolidaysAndOntoTheMakeUpDay() {
        assertEquals(date("2027-02-06"), SPRING_FESTIVAL.next(date("2027-02-05")));
        assertEquals(date("2027-02-16"), SPRING_FESTIVAL.next(date("2027-02-06")));
        assertEquals(date("2027-02-16"), SPRING_FESTIVAL.next(date("2027-02-10")));
        assertEquals(date("2027-02-06"), SPRING_FESTIVAL.previous(date("2027-02-16")));
        assertEquals(date("2027-02-05"), SPRING_FESTIVAL.previous(date("2027-02-06")));
        assertEquals(date("2028-01-03"), SPRING_FESTIVAL.next(date("2027-12-31")), "over the new year's weekend");
        assertEquals(date("2028-03-01"), SPRING_FESTIVAL.next(date("2028-02-29")), "a leap day");
    }

    @Test
    void eachProductMovesADateTheBankIsClosedOnByItsOwnRule() {
        LocalDate holiday = date("2027-02-10");
        assertEquals(holiday, HolidayRule.UNADJUSTED.adjust(holiday, SPRING_FESTIVAL));
        assertEquals(date("2027-02-16"), HolidayRule.FOLLOWING.adjust(holiday, SPRING_FESTIVAL));
        assertEquals(date("2027-02-06"), HolidayRule.PRECEDING.adjust(holiday, SPRING_FESTIVAL));
        assertEquals(date("2027-02-16"), HolidayRule.MODIFIED_FOLLOWING.adjust(holiday, SPRING_FESTIVAL));
        // Saturday 31 July: the following business day is in August, so the preceding one
        assertEquals(date("2027-07-30"), HolidayRule.MODIFIED_FOLLOWING.adjust(date("2027-07-31"), SPRING_FESTIVAL));
        assertEquals(date("2027-08-02"), HolidayRule.FOLLOWING.adjust(date("2027-07-31"), SPRING_FESTIVAL));
        for (HolidayRule rule : HolidayRule.values()) {
            assertEquals(date("2027-02-16"), rule.adjust(date("2027-02-16"), SPRING_FESTIVAL), rule + " on a business day");
        }
    }

    @Test
    void aYearsEntriesAreListedInDateOrder() {
        List<CalendarDay> year = SPRING_FESTIVAL.entered(2027);
        assertEquals(7, year.size());
        assertEquals(date("2027-02-06"), year.get(0).date());
        assertEquals(date("2027-02-15"), year.get(6).date());
        assertTrue(SPRING_FESTIVAL.entered(2028).isEmpty());
    }

    @Test
    void enteredDaysAreChecked() {
        assertRefused(ErrorCode.CALENDAR_WORKDAY_NOT_WEEKEND,
                () -> new CalendarDay(date("2027-02-05"), DayKind.WORKDAY, "a Friday"));
        assertRefused(ErrorCode.TEXT_INVALID, () -> new CalendarDay(date("2027-02-08"), DayKind.HOLIDAY, " "));
        assertRefused(ErrorCode.CALENDAR_DAY_TWICE, () -> new WorkingDays(List.of(
                new CalendarDay(date("2027-02-08"), DayKind.HOLIDAY, "春节"),
                new CalendarDay(date("2027-02-08"), DayKind.HOLIDAY, "除夕"))));
    }

    @Test
    void aCalendarWithoutABusinessDayForAYearSaysSoInsteadOfLoopingForEver() {
        List<CalendarDay> closed = new ArrayList<>();
        for (LocalDate day = date("2027-01-01"); day.isBefore(date("2028-02-01")); day = day.plusDays(1)) {
            closed.add(new CalendarDay(day, DayKind.HOLIDAY, "closed"));
        }
        WorkingDays never = new WorkingDays(closed);
        assertRefused(ErrorCode.CALENDAR_NO_BUSINESS_DAY, () -> never.next(date("2026-12-31")));
        assertEquals(date("2026-12-31"), never.previous(date("2027-06-01")));
    }

    private static void assertRefused(ErrorCode code, Runnable attempt) {
        assertEquals(code, assertThrows(TellerException.class, attempt::run).code());
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
