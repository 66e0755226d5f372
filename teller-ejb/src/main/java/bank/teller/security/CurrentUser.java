package bank.teller.security;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import java.util.TreeSet;
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

    /** The channel the caller works in, as the fee schedule names it: ONLINE for channel systems, else COUNTER. */
    public String channel() {
        return context.isCallerInRole(Roles.CHANNEL) ? "ONLINE" : "COUNTER";
    }

    /** The roles the caller holds, of those Teller knows. */
    public Set<String> roles() {
        return Roles.ALL.stream().filter(context::isCallerInRole).collect(Collectors.toCollection(TreeSet::new));
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
