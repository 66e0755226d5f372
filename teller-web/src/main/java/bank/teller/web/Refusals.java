package bank.teller.web;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.shared.ErrorCode;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refused requests and permission denials go into the audit trail (in a transaction of their own:
 * the refused work was rolled back). Sign-in refusals are recorded by the sign-in itself.
 */
public final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    private static final Set<ErrorCode> SIGN_IN = Set.of(ErrorCode.SIGN_IN_FAILED, ErrorCode.SIGN_IN_EXPIRED,
            ErrorCode.PASSWORD_CHANGE_REQUIRED, ErrorCode.TOKEN_ENROLMENT_REQUIRED, ErrorCode.UNAUTHENTICATED);

    private Refusals() {
    }

    /** Records that {@code what} (an API call or a screen action) was refused with {@code code}. */
    public static void record(AuditTrail audit, String what, ErrorCode code) {
        if (SIGN_IN.contains(code)) {
            return;
        }
        try {
            audit.recordSeparately(code == ErrorCode.FORBIDDEN ? "PERMISSION_DENIED" : "REFUSED", what, null,
                    AuditEvent.refused(code.name()));
        } catch (RuntimeException e) {
            // the refusal itself is answered whatever happens to its record; the log says why
            LOG.log(Level.SEVERE, "could not record the refusal of " + what, e);
        }
    }
}
