package bank.teller.web.api;

import bank.teller.security.ApiClients;
import bank.teller.security.ApiClients.IssuedKey;
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
import java.util.Set;

/** API keys of other systems, for administrators: list them (never a secret), issue one (shown once), revoke it. */
@Path("/v1/api-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiClientsResource {

    /** A system to admit: its name (the user becomes api-NAME), what it is, the roles it is granted. */
    public record NewClient(String system, String description, Set<String> roles) {
    }

    @EJB
    private ApiClients clients;

    @GET
    public List<ApiClients.ClientView> list() {
        return clients.list();
    }

    @POST
    public Response issue(NewClient request) {
        NewClient c = request == null ? new NewClient(null, null, null) : request;
        IssuedKey key = clients.issue(c.system(), c.description(), c.roles());
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    @POST
    @Path("/{keyId}/revocation")
    public Response revoke(@PathParam("keyId") String keyId) {
        clients.revoke(keyId);
        return Response.noContent().build();
    }
}
