package bank.teller.web.api;

import bank.teller.account.application.CardView;
import bank.teller.account.application.Cards;
import bank.teller.shared.SameRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Card commands. The card number travels in the body, never in a URL (URLs end up in access logs);
 * issuing a card is {@code POST /v1/accounts/{number}/cards}. ({@code /v1/cards/...} has its own root:
 * JAX-RS picks one root resource per path.)
 */
@Path("/v1/cards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CardsResource {

    /** A card command's body; the PIN only for an activation. */
    public record CardCommand(String cardNumber, String pin) {
    }

    @EJB
    private Cards cards;

    /** The customer sets the PIN (at the counter's PIN pad); the card becomes usable. */
    @POST
    @Path("/activations")
    public CardView activate(@HeaderParam("Idempotency-Key") String key, CardCommand command) {
        CardCommand c = orEmpty(command);
        return SameRequest.settled(() -> cards.activate(c.cardNumber(), c.pin(), key));
    }

    @POST
    @Path("/loss-reports")
    public CardView reportLost(@HeaderParam("Idempotency-Key") String key, CardCommand command) {
        return SameRequest.settled(() -> cards.reportLost(orEmpty(command).cardNumber(), key));
    }

    /** A new card in place of the given one; the response shows the new full number once. */
    @POST
    @Path("/replacements")
    public Response replace(@HeaderParam("Idempotency-Key") String key, CardCommand command) {
        return Response.status(Response.Status.CREATED)
                .entity(SameRequest.settled(() -> cards.replace(orEmpty(command).cardNumber(), key))).build();
    }

    @POST
    @Path("/cancellations")
    public CardView cancel(@HeaderParam("Idempotency-Key") String key, CardCommand command) {
        return SameRequest.settled(() -> cards.cancel(orEmpty(command).cardNumber(), key));
    }

    private static CardCommand orEmpty(CardCommand command) {
        return command == null ? new CardCommand(null, null) : command;
    }
}
