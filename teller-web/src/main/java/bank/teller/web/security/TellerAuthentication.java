package bank.teller.web.security;

import bank.teller.platform.Trace;
import bank.teller.security.ApiClients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * How every request is authenticated. A request belongs to a user only through a session that
 * signed in with all factors (the sign-in page or {@code POST /api/v1/sessions}, both through
 * {@link bank.teller.security.SignIn}), or, for other systems, through an API key on each call
 * ({@link ApiClients}); the mechanism then tells the container the user's name and the roles they
 * hold now (Elytron, integrated with this mechanism), so the EJBs' {@code @RolesAllowed} see the
 * same identity. An anonymous request for a protected screen is sent
 * to the sign-in page; for the API it gets 401 with a problem body, never a page.
 */
@ApplicationScoped
public class TellerAuthentication implements HttpAuthenticationMechanism {

    /** The header other systems send their API key in. */
    public static final String API_KEY = "X-Api-Key";

    @Inject
    private ActiveSessions sessions;

    @EJB
    private ApiClients apiClients;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        SignedIn signedIn = sessions.current(request);
        Trace.channel(null);
        if (signedIn != null) {
            Trace.channel(Trace.channelOf(signedIn.roles()));
            return context.notifyContainerAboutLogin(signedIn.username(), signedIn.roles());
        }
        String apiKey = isApi(request) ? request.getHeader(API_KEY) : null;
        if (apiKey != null) {
            // another system: its key on every call, no session
            Optional<ApiClients.Caller> system = apiClients.authenticate(apiKey);
            if (system.isPresent()) {
                Trace.channel(Trace.channelOf(system.get().roles()));
                return context.notifyContainerAboutLogin(system.get().username(), system.get().roles());
            }
            response.setHeader("WWW-Authenticate", "ApiKey realm=\"Teller\"");
            return context.responseUnauthorized();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        if (isApi(request)) {
            // 401 and a problem body (written by UnauthorizedProblem, the error page for 401)
            response.setHeader("WWW-Authenticate", "Session realm=\"Teller\", sign-in=\"/api/v1/sessions\"");
            return context.responseUnauthorized();
        }
        return context.redirect(request.getContextPath() + "/login.xhtml" + (ended ? "?expired=true" : ""));
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
