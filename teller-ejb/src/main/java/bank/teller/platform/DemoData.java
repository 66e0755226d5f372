package bank.teller.platform;

import bank.teller.security.AppUser;
import bank.teller.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Demo branch and users for a first run. Loaded on the embedded H2 database, and on PostgreSQL
 * only when asked with {@code -Dteller.demo-data=true}; never overwrites what exists. The
 * passwords are printed in the README; they are stored only as bcrypt hashes.
 */
@Stateless
@PermitAll
public class DemoData {

    public static final String PROPERTY = "teller.demo-data";
    public static final String BRANCH = "0001";
    public static final String TELLER = "teller1";
    public static final String TELLER_PASSWORD = "Teller1!Demo";
    public static final String SUPERVISOR = "super1";
    public static final String SUPERVISOR_PASSWORD = "Super1!Demo";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @EJB
    private Database database;

    public void loadIfWanted() {
        String wanted = System.getProperty(PROPERTY, database.isH2() ? "true" : "false");
        if (!Boolean.parseBoolean(wanted)) {
            return;
        }
        if (em.createNativeQuery("SELECT code FROM branch WHERE code = ?1").setParameter(1, BRANCH)
                .getResultList().isEmpty()) {
            em.createNativeQuery("INSERT INTO branch (code, name_zh, name_en) VALUES (?1, ?2, ?3)")
                    .setParameter(1, BRANCH).setParameter(2, "示范银行总行营业部")
                    .setParameter(3, "Demo Bank Head Office Branch").executeUpdate();
        }
        addUser(TELLER, TELLER_PASSWORD, "柜员一 Teller One", Roles.TELLER);
        addUser(SUPERVISOR, SUPERVISOR_PASSWORD, "主管一 Supervisor One", Roles.SUPERVISOR);
    }

    private void addUser(String username, String password, String displayName, String role) {
        if (em.find(AppUser.class, username) != null) {
            return;
        }
        em.persist(new AppUser(username, BCrypt.hashpw(password, BCrypt.gensalt(12)), displayName, BRANCH));
        em.flush();
        em.createNativeQuery("INSERT INTO app_user_role (username, role_name) VALUES (?1, ?2)")
                .setParameter(1, username).setParameter(2, role).executeUpdate();
        LOG.info(() -> "demo user " + username + " (" + role + ") created");
    }
}
