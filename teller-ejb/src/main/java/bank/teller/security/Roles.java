package bank.teller.security;

/** Role names, as stored in app_user_role and named in {@code @RolesAllowed}. */
public final class Roles {
    public static final String TELLER = "TELLER";
    public static final String SUPERVISOR = "SUPERVISOR";
    /** Online and mobile channels calling through JMS. */
    public static final String CHANNEL = "CHANNEL";
    /** Users and reference data; never moves money. */
    public static final String ADMIN = "ADMIN";
    /** Reads everything, the audit trail included; changes nothing. */
    public static final String AUDITOR = "AUDITOR";

    /** Every role, for the audit trail's record of who held which. */
    public static final java.util.List<String> ALL = java.util.List.of(TELLER, SUPERVISOR, CHANNEL, ADMIN, AUDITOR);

    private Roles() {
    }
}
