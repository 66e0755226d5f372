package bank.teller.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/** Encrypts TOTP secrets still stored in clear (written before encryption), once, at start-up. */
@Stateless
@PermitAll
public class SecretsAtRest {

    private static final Logger LOG = Logger.getLogger(SecretsAtRest.class.getName());

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    public void encryptLegacySecrets() {
        SecretConverter converter = new SecretConverter();
        for (String column : List.of("totp_secret", "totp_pending_secret")) {
            @SuppressWarnings("unchecked")
            List<Object[]> plain = em.createNativeQuery("SELECT username, " + column + " FROM app_user WHERE "
                    + column + " IS NOT NULL AND " + column + " NOT LIKE '" + SecretConverter.PREFIX + "%'").getResultList();
            for (Object[] row : plain) {
                em.createNativeQuery("UPDATE app_user SET " + column + " = ?1 WHERE username = ?2")
                        .setParameter(1, converter.convertToDatabaseColumn((String) row[1]))
                        .setParameter(2, row[0]).executeUpdate();
            }
            if (!plain.isEmpty()) {
                LOG.info(() -> plain.size() + " " + column + " values encrypted");
            }
        }
    }
}
