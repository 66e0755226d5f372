package bank.teller.web.api;

import bank.teller.calendar.application.CalendarYears;
import bank.teller.calendar.application.CalendarYears.DateView;
import bank.teller.calendar.application.CalendarYears.DayEntry;
import bank.teller.calendar.application.CalendarYears.YearView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The working calendar (营业日历): any member of staff reads a year or a date; an administrator
 * enters a year's public holidays and make-up working days, the whole year at once.
 */
@Path("/v1/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    /** Body of PUT /v1/calendar/{year}: every holiday and make-up working day of the year. */
    public record YearEntry(List<DayEntry> days) {
    }

    @EJB
    private CalendarYears years;

    @GET
    @Path("/{year: [0-9]{4}}")
    public YearView year(@PathParam("year") int year) {
        return years.year(year);
    }

    @PUT
    @Path("/{year: [0-9]{4}}")
    @Consumes(MediaType.APPLICATION_JSON)
    public YearView enter(@PathParam("year") int year, YearEntry entry) {
        return years.enter(year, entry == null ? null : entry.days());
    }

    /** A date ({@code YYYY-MM-DD}): a business day or not, and the business days on either side. */
    @GET
    @Path("/dates/{date}")
    public DateView date(@PathParam("date") String date) {
        return years.date(date);
    }
}
