package bank.teller.web.api;

import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.RestrictionView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

/**
 * Holds and freezes: {@code POST /api/v1/accounts/{number}/holds}, {@code .../freezes} (supervisors),
 * {@code GET .../restrictions} (those in force) and {@code POST /api/v1/restrictions/{id}/release}.
 */
@Path("/v1")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RestrictionsResource {

    /** A hold: amount, reason, and optionally the last business date it counts (yyyy-MM-dd). */
    public record HoldRequest(String amount, String reason, LocalDate expiresOn) {
    }

    /** A judicial freeze: amount (none: the whole account), reason and the court order's reference. */
    public record FreezeRequest(String amount, String reason, String legalReference) {
    }

    @EJB
    private AccountRestrictions restrictions;

    @POST
    @Path("accounts/{number}/holds")
    public Response hold(@PathParam("number") String number, @HeaderParam("Idempotency-Key") String key, HoldRequest request) {
        HoldRequest body = request == null ? new HoldRequest(null, null, null) : request;
        return created(restrictions.placeHold(number, body.amount(), body.reason(), body.expiresOn(), key));
    }

    @POST
    @Path("accounts/{number}/freezes")
    public Response freeze(@PathParam("number") String number, @HeaderParam("Idempotency-Key") String key,
                           FreezeRequest request) {
        FreezeRequest body = request == null ? new FreezeRequest(null, null, null) : request;
        return created(restrictions.freeze(number, body.amount(), body.reason(), body.legalReference(), key));
    }

    @GET
    @Path("accounts/{number}/restrictions")
    public List<RestrictionView> inForce(@PathParam("number") String number) {
        return restrictions.inForce(number);
    }

    @POST
    @Path("restrictions/{id}/release")
    public RestrictionView release(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key) {
        return restrictions.release(id, key);
    }

    private static Response created(RestrictionView view) {
        return Response.status(Response.Status.CREATED).entity(view).build();
    }
}
