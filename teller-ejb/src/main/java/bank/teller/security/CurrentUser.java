package bank.teller.security;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The user on whose behalf the current use case runs: as their request's session check found them
 * (no statement, no EJB call: the posting path asks several times), else as the container has them
 * ({@link ContainerIdentity}).
 */
@ApplicationScoped
public class CurrentUser {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private RequestCaller requestCaller;

    /** The caller's principal, as the container has it now (an identity the work runs as included). */
    @Inject
    private Principal principal;

    @EJB
    private ContainerIdentity container;

    /** The channel the caller works in, as the fee schedule names it: ONLINE for channel systems, else COUNTER. */
    public String channel() {
        return roles().contains(Roles.CHANNEL) ? "ONLINE" : "COUNTER";
    }

    /** The roles the caller holds, of those Teller knows, sorted. */
    public Set<String> roles() {
        Caller known = fromRequest();
        return known == null ? container.held(Roles.ALL)
                : Roles.ALL.stream().filter(known.roles()::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The caller as their request's session check found them (no statement), or as they are stored
     * when no request carries the work or it runs as another identity.
     */
    public Caller caller() {
        Caller known = fromRequest();
        if (known != null) {
            return known;
        }
        AppUser user = get();
        return new Caller(user.username(), roles(), user.branchCode(), user.tillCode());
    }

    /** The caller as their request's session check found them, or null (no request, another identity). */
    public Caller fromRequest() {
        try {
            return requestCaller.of(principal.getName());
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }

    /** The caller's user name. */
    public String name() {
        Caller known = fromRequest();
        return known != null ? known.username() : container.name();
    }

    public AppUser get() {
        String name = name();
        AppUser user = em.find(AppUser.class, name);
        if (user == null) {
            throw new TellerException(ErrorCode.USER_NOT_FOUND, name);
        }
        return user;
    }
}
