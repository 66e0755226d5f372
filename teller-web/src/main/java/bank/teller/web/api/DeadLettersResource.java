package bank.teller.web.api;

import bank.teller.integration.DeadLetters;
import bank.teller.integration.DeadLetters.DeadLetterView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Dead letters (死信) for an operator: {@code GET /api/v1/dead-letters?queue=teller.channel.requests},
 * {@code POST .../{messageId}/resend} or {@code /discard} with the queue and a note; both audited.
 */
@Path("/v1/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    /** Body of a resend or discard: the queue the message came from, and why. */
    public record Decision(String queue, String note) {
    }

    @EJB
    private DeadLetters deadLetters;

    @GET
    public List<DeadLetterView> list(@QueryParam("queue") String queue) {
        return deadLetters.list(queue);
    }

    @POST
    @Path("/{messageId}/resend")
    public DeadLetterView resend(@PathParam("messageId") String messageId, Decision decision) {
        Decision d = decision == null ? new Decision(null, null) : decision;
        return deadLetters.resend(d.queue(), messageId, d.note());
    }

    @POST
    @Path("/{messageId}/discard")
    public DeadLetterView discard(@PathParam("messageId") String messageId, Decision decision) {
        Decision d = decision == null ? new Decision(null, null) : decision;
        return deadLetters.discard(d.queue(), messageId, d.note());
    }
}
