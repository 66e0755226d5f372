package bank.teller.web.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/** Who signed in on a session, as what, and when (the session's absolute limit counts from here). */
public record SignedIn(String username, Set<String> roles, Instant since) implements Serializable {

    /** The session attribute holding it. */
    public static final String ATTRIBUTE = "bank.teller.signedIn";
}
