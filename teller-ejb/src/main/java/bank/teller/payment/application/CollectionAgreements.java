package bank.teller.payment.application;

import bank.teller.payment.domain.CollectionAgreement;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;

/** The companies' agreements, by code: for their collections at the counter and their direct debits. */
@ApplicationScoped
public class CollectionAgreements {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    /** The agreement with the code as typed (any case), or COLLECTION_AGREEMENT_NOT_FOUND. */
    public CollectionAgreement require(String code) {
        CollectionAgreement agreement = byCode(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        if (agreement == null) {
            throw new TellerException(ErrorCode.COLLECTION_AGREEMENT_NOT_FOUND, code);
        }
        return agreement;
    }

    /** The agreement with exactly this code, or null. */
    public CollectionAgreement byCode(String code) {
        return em.createQuery("SELECT a FROM CollectionAgreement a WHERE a.code = :code", CollectionAgreement.class)
                .setParameter("code", code).getResultStream().findFirst().orElse(null);
    }

    public CollectionAgreement byId(long id) {
        return em.find(CollectionAgreement.class, id);
    }
}
