package bank.teller.web.api;

import bank.teller.approval.application.ApprovalView;
import bank.teller.approval.application.Approvals;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Approvals (授权). An operation that needs one is refused with the problem code APPROVAL_REQUIRED
 * naming the request; once approved, the maker sends the same request (same Idempotency-Key) again.
 */
@Path("/v1/approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    /** A decision's note. */
    public record Decision(String note) {
    }

    /** An approval on the spot: the supervisor's own credentials (password and dynamic code), typed on the maker's screen. */
    public record OnTheSpot(String supervisor, String password, String code, String note) {
    }

    @EJB
    private Approvals approvals;

    /** Supervisors: what waits in their branch today. */
    @GET
    public List<ApprovalView> pending() {
        return approvals.pending();
    }

    @GET
    @Path("/{id}")
    public ApprovalView approval(@PathParam("id") long id) {
        return approvals.approval(id);
    }

    @POST
    @Path("/{id}/approve")
    public ApprovalView approve(@PathParam("id") long id, Decision decision) {
        return approvals.approve(id, decision == null ? null : decision.note());
    }

    @POST
    @Path("/{id}/reject")
    public ApprovalView reject(@PathParam("id") long id, Decision decision) {
        return approvals.reject(id, decision == null ? null : decision.note());
    }

    @POST
    @Path("/{id}/on-the-spot")
    public ApprovalView onTheSpot(@PathParam("id") long id, OnTheSpot body) {
        OnTheSpot b = body == null ? new OnTheSpot(null, null, null, null) : body;
        return approvals.approveOnTheSpot(id, b.supervisor(), b.password(), b.code(), b.note());
    }
}
