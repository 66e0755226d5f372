package bank.teller.calendar.application;

import bank.teller.calendar.domain.CalendarDay;
import bank.teller.calendar.domain.DayKind;
import bank.teller.calendar.domain.WorkingDays;
import bank.teller.platform.Jdbc;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * The working calendar as the use cases read it: kept with the reference data's version, so an
 * administrator's change reaches every server with its next transaction.
 */
@ApplicationScoped
public class WorkingCalendar {

    @Inject
    private Jdbc jdbc;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private ReferenceData referenceData;

    /** The working days: business days, next and previous ({@link WorkingDays}). */
    public WorkingDays days() {
        return referenceData.get(calendar.referenceVersion(), "working days", "all", () -> new WorkingDays(
                jdbc.query("SELECT calendar_date, kind, name FROM calendar_day", row -> new CalendarDay(
                        row.getObject(1, LocalDate.class), DayKind.valueOf(row.getString(2)), row.getString(3)))));
    }
}
