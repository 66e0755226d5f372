package bank.teller.web.api;

import bank.teller.integration.ParkedPostings;
import bank.teller.integration.ParkedPostings.ParkedPostingView;
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
 * The outbox of core postings: {@code GET /api/v1/core-outbox} (how many wait, how many are set
 * aside), {@code GET .../parked} (those the relay set aside, with the reason) and {@code POST
 * .../parked/{entryId}/resend} with a note (audited) to put one back in line.
 */
@Path("/v1/core-outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoreOutboxResource {

    /** Body of a resend: why it may go now. */
    public record Resend(String note) {
    }

    @EJB
    private ParkedPostings parkedPostings;

    @GET
    public ParkedPostings.OutboxDepth depth() {
        return parkedPostings.depth();
    }

    @GET
    @Path("/parked")
    public List<ParkedPostingView> list() {
        return parkedPostings.list();
    }

    @POST
    @Path("/parked/{entryId}/resend")
    public ParkedPostingView resend(@PathParam("entryId") long entryId, Resend resend) {
        return parkedPostings.resend(entryId, resend == null ? null : resend.note());
    }
}
