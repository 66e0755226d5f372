package bank.teller.web.api;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.till.application.BranchCash;
import bank.teller.till.application.TillView;
import bank.teller.till.application.Tills;
import bank.teller.till.application.VaultTransferView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Tills (尾箱) and the vault: open the caller's till, move cash with the vault, count at close, the supervisor's side. */
@Path("/v1/tills")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TillsResource {

    /** Body of a vault transfer request: TO_TILL or TO_VAULT and the amount. */
    public record VaultTransferRequest(String direction, String amount) {
    }

    /** Body of a count: pieces by denomination ("100", "50", ... "0.1"). */
    public record CountRequest(Map<String, Integer> pieces) {
    }

    /** Body of a supervisor's decision on a counted difference. */
    public record NoteRequest(String note) {
    }

    @EJB
    private Tills tills;

    @POST
    @Path("/sessions")
    public Response open(@HeaderParam("Idempotency-Key") String key) {
        return Response.status(Response.Status.CREATED).entity(SameRequest.settled(() -> tills.open(key))).build();
    }

    /** The caller's open (or pending) till. */
    @GET
    @Path("/sessions/current")
    public TillView current() {
        TillView current = tills.current();
        if (current == null) {
            throw new TellerException(ErrorCode.TILL_NOT_OPEN, "-", "NONE");
        }
        return current;
    }

    @POST
    @Path("/sessions/current/count")
    public TillView count(@HeaderParam("Idempotency-Key") String key, CountRequest request) {
        Map<String, Integer> pieces = request == null || request.pieces() == null ? Map.of() : request.pieces();
        return SameRequest.settled(() -> tills.count(pieces, key));
    }

    /** The close report (尾箱轧账单) as PDF, for the session's teller and the branch's supervisors. */
    @GET
    @Path("/sessions/{id}/report")
    @Produces("application/pdf")
    public Response report(@PathParam("id") long id) {
        return Response.ok(tills.closeReport(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"till-" + id + ".pdf\"").build();
    }

    /** Supervisors: book the counted shortage or overage and close the till. */
    @POST
    @Path("/sessions/{id}/variance-approval")
    public TillView approveVariance(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                                    NoteRequest request) {
        return SameRequest.settled(() -> tills.approveVariance(id, request == null ? null : request.note(), key));
    }

    /** Supervisors: send the count back for a recount. */
    @POST
    @Path("/sessions/{id}/recount")
    public TillView recount(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key, NoteRequest request) {
        return SameRequest.settled(() -> tills.recount(id, request == null ? null : request.note(), key));
    }

    @POST
    @Path("/vault-transfers")
    public Response requestVaultTransfer(@HeaderParam("Idempotency-Key") String key, VaultTransferRequest request) {
        VaultTransferRequest body = request == null ? new VaultTransferRequest(null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(SameRequest.settled(() -> tills.requestVaultTransfer(body.direction(), body.amount(), key)))
                .build();
    }

    /** Supervisors (the vault keeper): the cash changed hands; it is posted now. */
    @POST
    @Path("/vault-transfers/{id}/confirmation")
    public VaultTransferView confirm(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key) {
        return SameRequest.settled(() -> tills.confirmVaultTransfer(id, key));
    }

    @POST
    @Path("/vault-transfers/{id}/rejection")
    public VaultTransferView reject(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key) {
        return SameRequest.settled(() -> tills.rejectVaultTransfer(id, key));
    }

    /** Supervisors: the vault and every till of their branch today. */
    @GET
    @Path("/branch-cash")
    public BranchCash branchCash() {
        return tills.branchCash();
    }
}
