package bank.teller.approval.application;

import bank.teller.approval.domain.ApprovalRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stores a new request for approval in its own transaction: the operation that asked for it is
 * refused and rolled back, but the request must stay for the supervisor.
 */
@Stateless
@PermitAll
public class ApprovalSubmissions {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long submit(ApprovalRequest request) {
        em.persist(request);
        em.flush();
        return request.id();
    }
}
