package bank.teller.calendar.application;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.calendar.domain.CalendarDay;
import bank.teller.calendar.domain.DayKind;
import bank.teller.calendar.domain.WorkingDays;
import bank.teller.platform.Jdbc;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The working calendar, year by year: staff read it, an administrator enters a year's holidays and
 * make-up working days (the whole year at once, as the State Council publishes it). Days on or
 * before the business date are history: a change that would alter one is refused.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
public class CalendarYears {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** The most days one year may list (every day of a leap year). */
    static final int DAYS_MAX = 366;

    /** A day as entered or shown: its date (ISO), HOLIDAY or WORKDAY, and its name. */
    public record DayEntry(String date, String kind, String name) {
    }

    /** A year of the calendar: the days entered, and how many business days that leaves. */
    public record YearView(int year, List<DayEntry> days, int businessDays, int closedDays) {
    }

    /** One date as the calendar has it, with the business days on either side. */
    public record DateView(String date, boolean businessDay, String kind, String name, String previousBusinessDay,
                           String nextBusinessDay) {
    }

    @Inject
    private Jdbc jdbc;
    @Inject
    private WorkingCalendar workingCalendar;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private CurrentUser currentUser;
    @EJB
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public YearView year(int year) {
        checkYear(year);
        return view(year, workingCalendar.days());
    }

    private static YearView view(int year, WorkingDays days) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int business = 0;
        for (LocalDate day = first; day.getYear() == year; day = day.plusDays(1)) {
            business += days.isBusinessDay(day) ? 1 : 0;
        }
        return new YearView(year, days.entered(year).stream().map(CalendarYears::entry).toList(), business,
                first.lengthOfYear() - business);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DateView date(String date) {
        LocalDate day = Dates.required("date", date);
        WorkingDays days = workingCalendar.days();
        CalendarDay entered = days.entered(day).orElse(null);
        return new DateView(day.toString(), days.isBusinessDay(day), entered == null ? null : entered.kind().name(),
                entered == null ? null : entered.name(), days.previous(day).toString(), days.next(day).toString());
    }

    /**
     * Sets the holidays and make-up working days of {@code year} to {@code entries}, checked as a
     * whole first (nothing changes if one is wrong). Entering the same list again changes nothing.
     */
    @RolesAllowed(Roles.ADMIN)
    public YearView enter(int year, List<DayEntry> entries) {
        checkYear(year);
        if (entries == null || entries.size() > DAYS_MAX) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "days", "a list of at most " + DAYS_MAX + " days");
        }
        List<CalendarDay> wanted = new ArrayList<>();
        for (DayEntry entry : entries) {
            if (entry == null) {
                throw new TellerException(ErrorCode.VALIDATION_FAILED, "days", "a day in the list is empty");
            }
            CalendarDay day = new CalendarDay(Dates.required("date", entry.date()),
                    Text.oneOf("kind", entry.kind(), DayKind.class), entry.name());
            if (day.date().getYear() != year) {
                throw new TellerException(ErrorCode.CALENDAR_DAY_OUTSIDE_YEAR, day.date(), year);
            }
            wanted.add(day);
        }
        WorkingDays entered = new WorkingDays(wanted); // refuses a date entered twice
        Set<CalendarDay> before = Set.copyOf(workingCalendar.days().entered(year));
        Set<CalendarDay> after = Set.copyOf(wanted);
        SortedSet<LocalDate> changed = new TreeSet<>();
        before.stream().filter(day -> !after.contains(day)).forEach(day -> changed.add(day.date()));
        after.stream().filter(day -> !before.contains(day)).forEach(day -> changed.add(day.date()));
        LocalDate today = calendar.today();
        for (LocalDate day : changed) {
            if (!day.isAfter(today)) {
                throw new TellerException(ErrorCode.CALENDAR_DAY_PAST, day, today);
            }
        }
        if (!changed.isEmpty()) {
            write(year, wanted);
            audit.record("CALENDAR_ENTERED", "calendar:" + year, changed.size() + " day(s) changed: "
                    + changed.stream().map(LocalDate::toString).collect(Collectors.joining(", ")), AuditEvent.SUCCESS);
        }
        // as entered: this transaction still sees the calendar as it read it before the change
        return view(year, entered);
    }

    /** Adds {@code day} to the calendar of {@code year} as it is stored now (see {@link #enter}). */
    @RolesAllowed(Roles.ADMIN)
    public YearView add(int year, DayEntry day) {
        checkYear(year);
        List<DayEntry> days = new ArrayList<>(stored(year));
        days.add(day);
        return enter(year, days);
    }

    /** Takes {@code date} out of the calendar of {@code year} as it is stored now (see {@link #enter}). */
    @RolesAllowed(Roles.ADMIN)
    public YearView remove(int year, String date) {
        checkYear(year);
        LocalDate day = Dates.required("date", date);
        return enter(year, stored(year).stream().filter(entry -> !entry.date().equals(day.toString())).toList());
    }

    private List<DayEntry> stored(int year) {
        return workingCalendar.days().entered(year).stream().map(CalendarYears::entry).toList();
    }

    private void write(int year, List<CalendarDay> days) {
        jdbc.update("DELETE FROM calendar_day WHERE calendar_date BETWEEN ? AND ?", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        String by = currentUser.name();
        Instant now = StoredTime.now(clock);
        jdbc.batch("INSERT INTO calendar_day (calendar_date, kind, name, entered_by, entered_at) VALUES (?, ?, ?, ?, ?)",
                days.stream().map(day -> new Object[] {day.date(), day.kind(), day.name(), by, now}).toList());
        calendar.referenceChanged(); // every server reads the calendar anew with its next transaction
    }

    private static DayEntry entry(CalendarDay day) {
        return new DayEntry(day.date().toString(), day.kind().name(), day.name());
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new TellerException(ErrorCode.CALENDAR_YEAR_INVALID, year);
        }
    }
}
