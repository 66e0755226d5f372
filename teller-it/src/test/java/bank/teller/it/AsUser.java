package bank.teller.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mindrot.jbcrypt.BCrypt;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.auth.server.ServerAuthenticationContext;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/**
 * Runs test code as a real user of the Teller security domain: checks the user's password (against
 * the users in the database) and runs the work as the identity the domain loads for the user,
 * so the application's {@code @RolesAllowed} checks and caller principal are the real ones. No
 * transaction of its own: every service call the work makes has its own, as from a screen.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AsUser {

    public static final String TELLER = "teller1";
    public static final String TELLER_PASSWORD = "Teller1!Demo";
    public static final String SUPERVISOR = "super1";
    public static final String SUPERVISOR_PASSWORD = "Super1!Demo";

    private static final Map<String, SecurityIdentity> IDENTITIES = new ConcurrentHashMap<>();

    public interface Work<T> {
        T run() throws Exception;
    }

    public <T> T teller(Work<T> work) throws Exception {
        return as(TELLER, TELLER_PASSWORD, work);
    }

    public <T> T supervisor(Work<T> work) throws Exception {
        return as(SUPERVISOR, SUPERVISOR_PASSWORD, work);
    }

    public <T> T as(String user, String password, Work<T> work) throws Exception {
        // one sign-in per user and test deployment: bcrypt is slow on purpose, and load tests call often
        SecurityIdentity identity = IDENTITIES.computeIfAbsent(user + ":" + password, key -> signIn(user, password));
        try {
            return identity.runAs((PrivilegedExceptionAction<T>) work::run);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /**
     * Checks the password against the stored bcrypt hash and the user's roles in the database, as
     * the application's sign-in does (its other factor, the dynamic code, is for people), and has
     * the security domain make the identity with those roles.
     */
    private static SecurityIdentity signIn(String user, String password) {
        try {
            String hash = Sql.string("SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE", user);
            if (hash == null || !BCrypt.checkpw(password, hash)) {
                throw new IllegalStateException("wrong password for " + user);
            }
            Set<String> roles = bank.teller.security.Roles.withImplied(
                    Sql.strings("SELECT role_name FROM app_user_role WHERE username = ?", user));
            ServerAuthenticationContext context = SecurityDomain.getCurrent().createNewAuthenticationContext();
            context.setAuthenticationName(user);
            if (!context.authorize()) {
                throw new IllegalStateException("the security domain does not let " + user + " in");
            }
            return context.getAuthorizedIdentity().withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(roles)));
        } catch (SQLException | RealmUnavailableException e) {
            throw new IllegalStateException("cannot sign in " + user, e);
        }
    }
}
