package bank.teller.web.api;

import bank.teller.integration.JmsAccounts;
import bank.teller.integration.JmsAccounts.AccountView;
import bank.teller.integration.JmsAccounts.IssuedAccount;
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

/**
 * Broker accounts of other bank systems, for administrators: issue one for a channel (online,
 * mobile, terminal) or the core system (the password is shown once), list them, revoke one (its
 * open connections are closed).
 */
@Path("/v1/jms-accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JmsAccountsResource {

    /** The system the account is for, and what it is. */
    public record NewAccount(String system, String description) {
    }

    @EJB
    private JmsAccounts accounts;

    @POST
    public Response issue(NewAccount request) {
        NewAccount a = request == null ? new NewAccount(null, null) : request;
        IssuedAccount issued = accounts.issue(a.system(), a.description());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    public List<AccountView> list() {
        return accounts.list();
    }

    @POST
    @Path("/{username}/revocation")
    public AccountView revoke(@PathParam("username") String username) {
        return accounts.revoke(username);
    }
}
