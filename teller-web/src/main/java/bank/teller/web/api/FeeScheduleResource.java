package bank.teller.web.api;

import bank.teller.fee.application.FeeSchedule;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The fee schedule (费用标准): {@code GET /api/v1/fee-schedule/rules} every rule with its history,
 * {@code .../waivers}, {@code .../refunds} (which failed transactions give their fee back) and {@code
 * .../periodic-fees} (what end of day charges at the month's end, and who owes it); administrators {@code POST .../rules} a rule from a day after today ({@code
 * transactionType}, {@code customerType}, {@code accountType}, {@code channel}, {@code method} FIXED,
 * PERCENT or TIERED with {@code fixedAmount}, or {@code rate}, {@code minFee}, {@code maxFee}, or {@code
 * tiers}: {@code upTo}, {@code fee}; {@code descriptionZh}, {@code descriptionEn}, {@code validFrom}), the
 * rule it replaces ending the day before, and {@code POST .../rules/{id}/end} ({@code lastDay}) ends one.
 */
@Path("/v1/fee-schedule")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeeScheduleResource {

    /** The last day a rule prices. */
    public record End(String lastDay) {
    }

    private static final FeeSchedule.RuleRequest EMPTY = new FeeSchedule.RuleRequest(null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    @EJB
    private FeeSchedule schedule;

    @GET
    @Path("rules")
    public List<FeeSchedule.RuleView> rules() {
        return schedule.rules();
    }

    @GET
    @Path("waivers")
    public List<FeeSchedule.WaiverView> waivers() {
        return schedule.waivers();
    }

    @GET
    @Path("refunds")
    public List<FeeSchedule.RefundView> refunds() {
        return schedule.refunds();
    }

    @GET
    @Path("periodic-fees")
    public List<FeeSchedule.PeriodicView> periodicFees() {
        return schedule.periodicFees();
    }

    @POST
    @Path("rules")
    public Response schedule(FeeSchedule.RuleRequest request) {
        return Response.status(Response.Status.CREATED).entity(schedule.schedule(request == null ? EMPTY : request))
                .build();
    }

    @POST
    @Path("rules/{id}/end")
    public FeeSchedule.RuleView end(@PathParam("id") long id, End end) {
        return schedule.end(id, end == null ? null : end.lastDay());
    }
}
