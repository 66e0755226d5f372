package bank.teller.web.security;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.Caller;
import bank.teller.security.RequestCaller;
import bank.teller.security.SecuritySettings;
import bank.teller.security.SignIn;
import bank.teller.shared.Causes;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * One active session per user: signing in ends the user's other session — on this node at once, on
 * another node of a cluster at that session's next request (its sign-in key is no longer the user's).
 * Each request checks the user is still enabled (a disabled user's session ends) and takes the roles
 * they hold now. Every end of a session (sign-out, replaced, past its absolute limit, idle timeout) is in
 * the audit trail. Sign-in also gives the session a new id (no fixation), its idle timeout and the
 * moment its absolute limit counts from.
 */
@ApplicationScoped
public class ActiveSessions {

    private static final Logger LOG = Logger.getLogger(ActiveSessions.class.getName());

    /** Session attribute: why the application ended the session (absent: it timed out). */
    private static final String ENDED = "bank.teller.ended";

    private final Map<String, HttpSession> byUser = new ConcurrentHashMap<>();

    @EJB
    private AuditTrail audit;

    @EJB
    private SignIn signIn;
    @Inject
    private RequestCaller requestCaller;
    private final Clock clock = Clock.systemUTC();

    /** Makes the request's session the user's one session, signed in with {@code roles} ({@code key}: SignIn's). */
    public void signIn(HttpServletRequest request, String username, Set<String> roles, String key) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        SecuritySettings settings = SecuritySettings.current();
        session.setMaxInactiveInterval((int) settings.sessionIdle().toSeconds());
        session.setAttribute(SignedIn.ATTRIBUTE, new SignedIn(username, Set.copyOf(roles), clock.instant(), key));
        HttpSession previous = byUser.put(username, session);
        if (previous != null && !same(previous, session)) {
            LOG.info(() -> "user " + username + " signed in again: the previous session ends");
            end(previous, "SESSION_REPLACED");
        }
    }

    /** The user signed in on this session, if it is still the user's one session and within its absolute limit. */
    public SignedIn current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : attribute(session);
        if (signedIn == null) {
            return null;
        }
        boolean theOne = same(byUser.get(signedIn.username()), session);
        boolean inTime = clock.instant().isBefore(signedIn.since().plus(SecuritySettings.current().sessionMax()));
        if (!theOne || !inTime) {
            end(session, theOne ? "SESSION_EXPIRED" : "SESSION_REPLACED");
            return null;
        }
        Optional<SignIn.Current> current = signIn.current(signedIn.username());
        if (current.isEmpty()) {
            end(session, "USER_DISABLED");
            return null;
        }
        if (!Objects.equals(current.get().sessionKey(), signedIn.key())) {
            end(session, "SESSION_REPLACED"); // the user signed in again, on another node
            return null;
        }
        Caller caller = current.get().caller();
        requestCaller.set(caller); // the use cases take it from here, without looking the user up again
        Set<String> roles = caller.roles();
        if (!roles.equals(signedIn.roles())) {
            signedIn = new SignedIn(signedIn.username(), Set.copyOf(roles), signedIn.since(), signedIn.key());
            session.setAttribute(SignedIn.ATTRIBUTE, signedIn);
        }
        return signedIn;
    }

    /** The user signs out: the session ends. */
    public void signOut(HttpSession session) {
        end(session, "SIGN_OUT");
    }

    /** Ends the session, recording why (sign-out, replaced by a new sign-in, past its absolute limit). */
    private void end(HttpSession session, String why) {
        SignedIn signedIn = attribute(session);
        if (signedIn != null) {
            byUser.computeIfPresent(signedIn.username(), (user, active) -> same(active, session) ? null : active);
            try {
                session.setAttribute(ENDED, why);
            } catch (IllegalStateException alreadyInvalid) {
                return;
            }
            audit.recordForSeparately(signedIn.username(), String.join(",", signedIn.roles()), null, why,
                    signedIn.username(), "signed in " + signedIn.since(), AuditEvent.SUCCESS);
        }
        invalidate(session);
    }

    /** A session was invalidated or timed out: it no longer counts as the user's; a timeout is recorded. */
    void destroyed(HttpSession session) {
        byUser.values().removeIf(active -> same(active, session));
        SignedIn signedIn = attribute(session);
        boolean ended;
        try {
            ended = session.getAttribute(ENDED) != null;
        } catch (IllegalStateException invalid) {
            ended = true;
        }
        if (signedIn != null && !ended) {
            try {
                audit.recordForSeparately(signedIn.username(), String.join(",", signedIn.roles()), null,
                        "SESSION_TIMEOUT", signedIn.username(), "signed in " + signedIn.since(), AuditEvent.SUCCESS);
            } catch (RuntimeException e) {
                if (!serverStopping(e)) {
                    throw e;
                }
                // WildFly ends the open sessions once the audit trail's component refuses calls: their end is
                // the server's stop, not a timeout, and nothing can be recorded any more
                LOG.info("session of " + signedIn.username() + " ended with the server's stop");
            }
        }
    }

    /** WildFly's refusal of a call to a component that is stopping (its own exception types, by name). */
    private static boolean serverStopping(Throwable e) {
        return Causes.of(e).map(t -> t.getClass().getSimpleName())
                .anyMatch(name -> name.equals("ComponentIsStoppedException")
                        || name.equals("EJBComponentUnavailableException"));
    }

    /** Whether two session objects are the same session (the container hands out a new object per request). */
    private static boolean same(HttpSession a, HttpSession b) {
        return a != null && b != null && !id(a).isEmpty() && id(a).equals(id(b));
    }

    private static String id(HttpSession session) {
        try {
            return session.getId();
        } catch (IllegalStateException invalidated) {
            return "";
        }
    }

    private static SignedIn attribute(HttpSession session) {
        try {
            return (SignedIn) session.getAttribute(SignedIn.ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended already
        }
    }
}
