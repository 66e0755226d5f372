package bank.teller.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the HTTP request being served, set by the web layer when it checks the session
 * ({@link SignIn#current}); empty for work no request carries (a JMS message, a timer).
 */
@RequestScoped
public class RequestCaller {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    /** The request's caller, if it is {@code username} (not another identity the work runs as). */
    public Caller of(String username) {
        return caller != null && caller.username().equals(username) ? caller : null;
    }
}
