package bank.teller.security;

/** Role names, as stored in app_user_role and named in {@code @RolesAllowed}. */
public final class Roles {
    public static final String TELLER = "TELLER";
    public static final String SUPERVISOR = "SUPERVISOR";
    /** Online and mobile channels calling through JMS. */
    public static final String CHANNEL = "CHANNEL";
    /** Users and reference data; never moves money. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
