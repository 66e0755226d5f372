package bank.teller.web.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Who signed in on a session, as what, when (the session's absolute limit counts from here), and the
 * key of that sign-in (the user's one session holds the key of their latest sign-in, on any node).
 */
public record SignedIn(String username, Set<String> roles, Instant since, String key) implements Serializable {

    /** The session attribute holding it. */
    public static final String ATTRIBUTE = "bank.teller.signedIn";
}
