package bank.teller.web.api;

import bank.teller.approval.application.ApprovalPolicies;
import bank.teller.approval.application.ApprovalPolicyView;
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

/** The approval policy (reference data): read by supervisors, lines added and retired by administrators. */
@Path("/v1/approval-policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalPoliciesResource {

    /** A new line: operation, maker role (TELLER, SUPERVISOR or ANY), threshold (none: always), descriptions. */
    public record PolicyRequest(String operation, String makerRole, String minAmount, String descriptionZh,
                                String descriptionEn) {
    }

    @EJB
    private ApprovalPolicies policies;

    @GET
    public List<ApprovalPolicyView> list() {
        return policies.list();
    }

    @POST
    public Response add(PolicyRequest request) {
        PolicyRequest b = request == null ? new PolicyRequest(null, null, null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(policies.add(b.operation(), b.makerRole(), b.minAmount(), b.descriptionZh(), b.descriptionEn()))
                .build();
    }

    @POST
    @Path("/{id}/retirement")
    public ApprovalPolicyView retire(@PathParam("id") long id) {
        return policies.retire(id);
    }
}
