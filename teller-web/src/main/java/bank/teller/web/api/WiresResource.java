package bank.teller.web.api;

import bank.teller.payment.application.WireReceipt;
import bank.teller.payment.application.WireView;
import bank.teller.payment.application.Wires;
import bank.teller.shared.SameRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Wire transfers out to other banks (电汇): {@code POST /api/v1/wires} sends one (Idempotency-Key;
 * the payer debited at once, the wire then SUBMITTED, ACCEPTED, SETTLED, or REJECTED / RETURNED with
 * the money back), {@code POST .../quote} says its fee and route first, {@code GET .../{reference}}
 * shows its progress, {@code GET /api/v1/wires?account=} an account's wires, the latest first, and
 * {@code GET .../follow-up} the wires clearing has not answered for a while.
 */
@Path("/v1/wires")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WiresResource {

    private static final Wires.Request EMPTY = new Wires.Request(null, null, null, null, null, null, false);

    @EJB
    private Wires wires;

    @POST
    @APIResponseSchema(value = WireReceipt.class, responseCode = "201", responseDescription = "The wire sent and its receipt")
    public Response send(@HeaderParam("Idempotency-Key") String key, Wires.Request request) {
        Wires.Request body = request == null ? EMPTY : request;
        return Response.status(Response.Status.CREATED).entity(SameRequest.settled(() -> wires.send(body, key))).build();
    }

    @POST
    @Path("quote")
    public Wires.Quote quote(Wires.Request request) {
        return wires.quote(request == null ? EMPTY : request);
    }

    /** Wires in flight that have heard nothing from clearing for a while (supervisors, auditors). */
    @GET
    @Path("follow-up")
    public List<WireView> awaitingFollowUp() {
        return wires.awaitingFollowUp();
    }

    @GET
    @Path("{reference}")
    public WireView wire(@PathParam("reference") String reference) {
        return wires.wire(reference);
    }

    @GET
    public List<WireView> ofAccount(@QueryParam("account") String account) {
        return wires.ofAccount(account, 50);
    }
}
