package bank.teller.web.api;

import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.RestrictionView;
import bank.teller.shared.SameRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Releasing a hold or freeze: {@code POST /api/v1/restrictions/{id}/release}. Placing them and
 * listing them are under the account ({@link AccountsResource}): JAX-RS picks one root resource per
 * path, so everything below /v1/accounts lives there.
 */
@Path("/v1/restrictions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RestrictionsResource {

    @EJB
    private AccountRestrictions restrictions;

    @POST
    @Path("{id}/release")
    public RestrictionView release(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key) {
        return SameRequest.settled(() -> restrictions.release(id, key));
    }
}
