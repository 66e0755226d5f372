package bank.teller.web.api;

import bank.teller.integration.CoreBreaks;
import bank.teller.integration.CoreReconciliations;
import bank.teller.shared.Dates;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Reconciliation with the core system (对账): {@code GET /api/v1/core-reconciliation/{date}} the day as
 * last reconciled (status CLEAN, BREAKS or NO_FILE, counts, every break with its category, amount and
 * what differs, counts and totals per category); {@code POST .../{date}} reconciles the day again
 * (supervisors), as end of day does. A supervisor works each break: {@code POST .../breaks/{id}/resend}
 * (an entry the core never booked), {@code .../resolve} with a note, {@code .../adjustment} (an
 * adjustment of Teller's entry, through the approval policy).
 */
@Path("/v1/core-reconciliation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoreReconciliationResource {

    /** Body of a resend or a resolution: the supervisor's note (required to resolve). */
    public record NoteRequest(String note) {
    }

    /** Body of an adjustment for a break: the account, CREDIT or DEBIT, the amount, why. */
    public record AdjustmentRequest(String accountNumber, String side, String amount, String reason) {
    }

    @EJB
    private CoreReconciliations reconciliations;
    @EJB
    private CoreBreaks breaks;

    @GET
    @Path("{date}")
    public CoreReconciliations.Summary day(@PathParam("date") String date) {
        return reconciliations.summary(Dates.required("date", date));
    }

    @POST
    @Path("{date}")
    public CoreReconciliations.Summary reconcile(@PathParam("date") String date) {
        return reconciliations.reconcileWhenCoreHasTheDay(Dates.required("date", date));
    }

    @POST
    @Path("breaks/{id}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    public CoreBreaks.BreakView resend(@PathParam("id") long id, NoteRequest request) {
        return breaks.resend(id, request == null ? null : request.note());
    }

    @POST
    @Path("breaks/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public CoreBreaks.BreakView resolve(@PathParam("id") long id, NoteRequest request) {
        return breaks.resolve(id, request == null ? null : request.note());
    }

    @POST
    @Path("breaks/{id}/adjustment")
    @Consumes(MediaType.APPLICATION_JSON)
    public CoreBreaks.BreakView adjust(@PathParam("id") long id, AdjustmentRequest request) {
        AdjustmentRequest b = request == null ? new AdjustmentRequest(null, null, null, null) : request;
        return breaks.adjust(id, b.accountNumber(), b.side(), b.amount(), b.reason());
    }
}
