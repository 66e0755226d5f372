package bank.teller.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Tells {@link ActiveSessions} when a session ends by timeout or invalidation. */
@WebListener
public class SessionEnds implements HttpSessionListener {

    @Inject
    private ActiveSessions sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.destroyed(event.getSession());
    }
}
