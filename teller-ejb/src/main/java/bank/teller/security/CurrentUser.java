package bank.teller.security;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The user on whose behalf the current use case runs. */
@Stateless
@PermitAll
@DeclareRoles({Roles.TELLER, Roles.SENIOR_TELLER, Roles.SUPERVISOR, Roles.BRANCH_MANAGER, Roles.CHANNEL, Roles.ADMIN,
        Roles.AUDITOR})
public class CurrentUser {

    @Resource
    private SessionContext context;

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Inject
    private RequestCaller requestCaller;

    /** The channel the caller works in, as the fee schedule names it: ONLINE for channel systems, else COUNTER. */
    public String channel() {
        return roles().contains(Roles.CHANNEL) ? "ONLINE" : "COUNTER";
    }

    /**
     * The roles the caller holds, of those Teller knows: as their request's session check found them
     * (the roles it gave the container), else as the container has them.
     */
    public Set<String> roles() {
        Caller known = fromRequest();
        Predicate<String> holds = known != null ? known.roles()::contains : context::isCallerInRole;
        return Roles.ALL.stream().filter(holds).collect(Collectors.toCollection(TreeSet::new));
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
            return requestCaller.of(context.getCallerPrincipal().getName());
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }

    public AppUser get() {
        String name = context.getCallerPrincipal().getName();
        AppUser user = em.find(AppUser.class, name);
        if (user == null) {
            throw new TellerException(ErrorCode.USER_NOT_FOUND, name);
        }
        return user;
    }
}
