package bank.teller.web.api;

import bank.teller.aml.LargeCash;
import bank.teller.ledger.application.LedgerCheck;
import bank.teller.ledger.application.TrialBalance;
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
import java.util.List;

/**
 * Supervisors' reports: the day's large cash transactions (大额现金交易) as JSON or CSV, and the books
 * checked against each other at any time of the day.
 */
@Path("/v1/reports")
@RequestScoped
public class ReportsResource {

    @EJB
    private LargeCash largeCash;
    @EJB
    private TrialBalance trialBalance;

    /**
     * The books compared now (账账、账实核对): each till's cash with its till-cash lines, the GL control
     * accounts with the accounts' balances, each account with its journal lines; {@code findings}
     * empty when they all agree. End of day runs the same comparison as its trial-balance step.
     */
    @GET
    @Path("/ledger-check")
    @Produces(MediaType.APPLICATION_JSON)
    public LedgerCheckView ledgerCheck() {
        LedgerCheck check = trialBalance.check();
        return new LedgerCheckView(check, check.balanced(), check.findings());
    }

    /** The check with its verdict, as answered. */
    public record LedgerCheckView(LedgerCheck check, boolean balanced, List<String> findings) {
    }

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
