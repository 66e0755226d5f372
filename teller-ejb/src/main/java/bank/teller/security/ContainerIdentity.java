package bank.teller.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The caller as the EJB container has them: their name and which roles they hold, a run-as role
 * included. {@link CurrentUser} asks here only when no request's session check found the caller (a
 * channel message, an API key, a batch job, a timer).
 */
@Stateless
@PermitAll
@DeclareRoles({Roles.TELLER, Roles.SENIOR_TELLER, Roles.SUPERVISOR, Roles.BRANCH_MANAGER, Roles.CHANNEL, Roles.TERMINAL, Roles.ADMIN,
        Roles.AUDITOR})
public class ContainerIdentity {

    @Resource
    private SessionContext context;

    public String name() {
        return context.getCallerPrincipal().getName();
    }

    /** Those of {@code roles} the caller holds, sorted. */
    public Set<String> held(Collection<String> roles) {
        return roles.stream().filter(context::isCallerInRole).collect(Collectors.toCollection(TreeSet::new));
    }
}
