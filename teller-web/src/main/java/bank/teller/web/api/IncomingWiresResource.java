package bank.teller.web.api;

import bank.teller.payment.application.IncomingWireView;
import bank.teller.payment.application.IncomingWires;
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
import java.util.List;

/**
 * Wires in from other banks (来账): {@code GET /api/v1/incoming-wires?held=true} those held in
 * suspense (the oldest first), without {@code held} the latest; {@code GET .../{clearingRef}} one;
 * {@code POST .../{clearingRef}/apply} ({@code account}, {@code note}) credits one held in suspense to
 * an account and {@code POST .../{clearingRef}/return} ({@code note}) returns it to its bank, each once
 * per Idempotency-Key (supervisors).
 */
@Path("/v1/incoming-wires")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IncomingWiresResource {

    /** What a supervisor decides about a wire held in suspense. */
    public record Decision(String account, String note) {
    }

    private static final Decision EMPTY = new Decision(null, null);

    @EJB
    private IncomingWires incoming;

    @GET
    public List<IncomingWireView> list(@QueryParam("held") boolean held) {
        return held ? incoming.held() : incoming.latest(100);
    }

    @GET
    @Path("{clearingRef}")
    public IncomingWireView wire(@PathParam("clearingRef") String clearingRef) {
        return incoming.wire(clearingRef);
    }

    @POST
    @Path("{clearingRef}/apply")
    public IncomingWireView apply(@PathParam("clearingRef") String clearingRef, @HeaderParam("Idempotency-Key") String key,
                                  Decision decision) {
        Decision body = decision == null ? EMPTY : decision;
        return SameRequest.settled(() -> incoming.apply(clearingRef, body.account(), body.note(), key));
    }

    @POST
    @Path("{clearingRef}/return")
    public IncomingWireView returnToSender(@PathParam("clearingRef") String clearingRef,
                                           @HeaderParam("Idempotency-Key") String key, Decision decision) {
        Decision body = decision == null ? EMPTY : decision;
        return SameRequest.settled(() -> incoming.returnToSender(clearingRef, body.note(), key));
    }
}
