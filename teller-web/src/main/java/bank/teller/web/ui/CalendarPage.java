package bank.teller.web.ui;

import bank.teller.calendar.application.CalendarYears;
import bank.teller.calendar.application.CalendarYears.DateView;
import bank.teller.calendar.application.CalendarYears.DayEntry;
import bank.teller.calendar.application.CalendarYears.YearView;
import bank.teller.shared.BusinessCalendar;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The working calendar (营业日历): anyone looks up a year and a date; an administrator adds and
 * removes the year's holidays and make-up working days, each change saved for the whole year.
 */
@Named
@ViewScoped
public class CalendarPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CalendarYears years;
    @Inject
    private BusinessCalendar calendar;

    private int year;
    private YearView view;
    private LocalDate newDate;
    private String newKind = "HOLIDAY";
    private String newName;
    private LocalDate lookupDate;
    private DateView lookup;

    @PostConstruct
    void init() {
        year = calendar.today().getYear();
        lookupDate = calendar.today();
    }

    public void refresh() {
        view = Screens.attempt("calendar:year", () -> years.year(year));
    }

    public void add() {
        if (newDate == null) {
            Screens.error("calendar:newDate", Screens.text("calendar.dateRequired"));
            return;
        }
        if (saved(Screens.attempt("calendar:newName",
                () -> years.add(year, new DayEntry(newDate.toString(), newKind, newName))))) {
            newDate = null;
            newName = null;
        }
    }

    public void remove(DayEntry day) {
        saved(Screens.attempt(null, () -> years.remove(year, day.date())));
    }

    private boolean saved(YearView saved) {
        if (saved != null) {
            view = saved;
            Screens.info(Screens.text("calendar.saved", String.valueOf(year)));
        }
        return saved != null;
    }

    public void look() {
        lookup = lookupDate == null ? null : Screens.attempt("calendar:lookupDate", () -> years.date(lookupDate.toString()));
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public YearView getView() {
        return view;
    }

    public LocalDate getNewDate() {
        return newDate;
    }

    public void setNewDate(LocalDate newDate) {
        this.newDate = newDate;
    }

    public String getNewKind() {
        return newKind;
    }

    public void setNewKind(String newKind) {
        this.newKind = newKind;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public LocalDate getLookupDate() {
        return lookupDate;
    }

    public void setLookupDate(LocalDate lookupDate) {
        this.lookupDate = lookupDate;
    }

    public DateView getLookup() {
        return lookup;
    }
}
