package bank.teller.web.api;

import bank.teller.aml.LargeCash;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** Supervisors' reports: the day's large cash transactions (大额现金交易) as JSON or CSV. */
@Path("/v1/reports")
@RequestScoped
public class ReportsResource {

    @EJB
    private LargeCash largeCash;

    /** {@code date} (yyyy-MM-dd) defaults to the business date. */
    @GET
    @Path("/large-cash")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response largeCash(@QueryParam("date") String date, @QueryParam("format") @DefaultValue("json") String format) {
        LocalDate day = Dates.optional("date", date);
        return switch (format) {
            case "json" -> Response.ok(largeCash.report(day), MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(largeCash.csv(day), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"large-cash.csv\"").build();
            default -> throw new TellerException(ErrorCode.VALIDATION_FAILED, "format", format);
        };
    }
}
