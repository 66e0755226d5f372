package bank.teller.web.api;

import bank.teller.security.SignIn;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.web.security.ActiveSessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * Signing in to the API: user name, password and the dynamic code, as on the sign-in page. The
 * answer sets the session cookie that every later call sends. Users who must first change their
 * password or enrol a token do that on the sign-in page. Open to anonymous callers, of course.
 */
@Path("/v1/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

    public record Credentials(String username, String password, String code) {
    }

    public record Session(String username, Set<String> roles) {
    }

    @EJB
    private SignIn signIn;

    @Inject
    private ActiveSessions sessions;

    @Context
    private HttpServletRequest request;

    @POST
    public Session signIn(Credentials credentials) {
        Credentials c = credentials == null ? new Credentials(null, null, null) : credentials;
        SignIn.Result result = signIn.signIn(c.username(), c.password(), c.code());
        switch (result.outcome()) {
            case SIGNED_IN -> {
                sessions.signIn(request, result.username(), result.roles(), result.sessionKey());
                return new Session(result.username(), result.roles());
            }
            case CHANGE_PASSWORD -> throw new TellerException(ErrorCode.PASSWORD_CHANGE_REQUIRED);
            case ENROL_TOKEN -> throw new TellerException(ErrorCode.TOKEN_ENROLMENT_REQUIRED);
            default -> throw new TellerException(ErrorCode.SIGN_IN_FAILED);
        }
    }

    /** Signs out: the session ends. */
    @DELETE
    @Path("/current")
    public Response signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            sessions.signOut(session);
        }
        return Response.noContent().build();
    }
}
