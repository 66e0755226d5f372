package bank.teller.web.api;

import bank.teller.shared.SameRequest;
import bank.teller.terminal.Terminals;
import bank.teller.till.application.TillView;
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
import java.util.List;
import java.util.Map;

/**
 * Self-service terminals (自助终端) as the bank runs them: an administrator registers one (its API key in
 * the answer, once); a supervisor of its branch loads its cash box from the vault, takes cash back and
 * counts the box (a difference is booked as for a till: {@code POST /v1/tills/sessions/{id}/variance-approval}).
 */
@Path("/v1/terminals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerminalsResource {

    /** Body of a registration: the branch, the box's till code (a letter and two digits), ATM/CDM/KIOSK, a description. */
    public record Registration(String branchCode, String tillCode, String kind, String description) {
    }

    /** Body of a load or unload of the box. */
    public record CashRequest(String amount) {
    }

    @EJB
    private Terminals terminals;

    @POST
    public Response register(Registration request) {
        Registration b = request == null ? new Registration(null, null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(terminals.register(b.branchCode(), b.tillCode(), b.kind(), b.description())).build();
    }

    @GET
    public List<Terminals.TerminalView> list() {
        return terminals.list();
    }

    @POST
    @Path("{id}/cash/load")
    public TillView load(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, CashRequest request) {
        return SameRequest.settled(() -> terminals.load(id, request == null ? null : request.amount(), key));
    }

    @POST
    @Path("{id}/cash/unload")
    public TillView unload(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, CashRequest request) {
        return SameRequest.settled(() -> terminals.unload(id, request == null ? null : request.amount(), key));
    }

    @POST
    @Path("{id}/cash/count")
    public TillView count(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                          TillsResource.CountRequest request) {
        Map<String, Integer> pieces = request == null || request.pieces() == null ? Map.of() : request.pieces();
        return SameRequest.settled(() -> terminals.count(id, pieces, key));
    }
}
