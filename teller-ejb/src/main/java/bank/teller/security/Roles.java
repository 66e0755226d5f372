package bank.teller.security;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Role names, as stored in app_user_role and named in {@code @RolesAllowed}. */
public final class Roles {
    public static final String TELLER = "TELLER";
    /** A teller with higher limits; holds TELLER too. */
    public static final String SENIOR_TELLER = "SENIOR_TELLER";
    public static final String SUPERVISOR = "SUPERVISOR";
    /** A supervisor with the branch's highest limits; holds SUPERVISOR too. */
    public static final String BRANCH_MANAGER = "BRANCH_MANAGER";
    /** Online and mobile channels calling through JMS. */
    public static final String CHANNEL = "CHANNEL";
    /** Self-service terminals (自助终端) calling the REST API with their key, for a customer's card and PIN. */
    public static final String TERMINAL = "TERMINAL";
    /** Users and reference data; never moves money. */
    public static final String ADMIN = "ADMIN";
    /** Reads everything, the audit trail included; changes nothing. */
    public static final String AUDITOR = "AUDITOR";

    /** Every role, for the audit trail's record of who held which. */
    public static final List<String> ALL = List.of(TELLER, SENIOR_TELLER, SUPERVISOR, BRANCH_MANAGER, CHANNEL, TERMINAL,
            ADMIN, AUDITOR);

    /** The roles {@code username} holds, as stored (with the roles they imply). */
    @SuppressWarnings("unchecked")
    public static Set<String> held(EntityManager em, String username) {
        return withImplied(em.createNativeQuery("SELECT role_name FROM app_user_role WHERE username = ?1")
                .setParameter(1, username).getResultList());
    }

    /** {@code roles} with the roles each implies (a senior teller is a teller, a branch manager a supervisor). */
    public static Set<String> withImplied(Collection<String> roles) {
        Set<String> all = new TreeSet<>(roles);
        if (all.contains(SENIOR_TELLER)) {
            all.add(TELLER);
        }
        if (all.contains(BRANCH_MANAGER)) {
            all.add(SUPERVISOR);
        }
        return all;
    }

    private Roles() {
    }
}
