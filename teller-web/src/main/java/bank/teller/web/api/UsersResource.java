package bank.teller.web.api;

import bank.teller.security.Users.TemporaryPassword;
import bank.teller.security.Users.UserView;
import bank.teller.security.Users;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/** Users, for administrators: create, reset password or token, unlock, roles, disable. */
@Path("/v1/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    public record NewUser(String username, String displayName, String branchCode, String tillCode, Set<String> roles) {
    }

    public record RoleSet(Set<String> roles) {
    }

    @EJB
    private Users users;

    @GET
    public List<UserView> list() {
        return users.list();
    }

    /** Creates the user; the answer carries the temporary password, shown this once. */
    @POST
    public Response create(NewUser request) {
        NewUser u = request == null ? new NewUser(null, null, null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(users.create(u.username(), u.displayName(), u.branchCode(), u.tillCode(), u.roles())).build();
    }

    @POST
    @Path("/{username}/password-reset")
    public TemporaryPassword resetPassword(@PathParam("username") String username) {
        return users.resetPassword(username);
    }

    @POST
    @Path("/{username}/token-reset")
    public UserView resetToken(@PathParam("username") String username) {
        return users.resetToken(username);
    }

    @POST
    @Path("/{username}/unlock")
    public UserView unlock(@PathParam("username") String username) {
        return users.unlock(username);
    }

    @POST
    @Path("/{username}/disable")
    public UserView disable(@PathParam("username") String username) {
        return users.disable(username);
    }

    @PUT
    @Path("/{username}/roles")
    public UserView roles(@PathParam("username") String username, RoleSet roles) {
        return users.setRoles(username, roles == null ? null : roles.roles());
    }
}
