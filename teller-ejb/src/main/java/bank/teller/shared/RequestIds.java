package bank.teller.shared;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Reserves client request ids for the calling use case's transaction (see {@link ProcessedRequest}).
 */
@Stateless
@PermitAll
public class RequestIds {

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    /** A valid request id: 8-64 characters of letters, digits, '-', '_', '.' or ':'. */
    private String validate(String requestId) {
        if (requestId == null || !requestId.matches("[A-Za-z0-9._:-]{8,64}")) {
            throw new TellerException(ErrorCode.REQUEST_ID_INVALID);
        }
        return requestId;
    }

    /** The earlier processing of this request, if any (and then it must be the same request). */
    public Optional<ProcessedRequest> earlier(String requestId, String operation, String fingerprint) {
        ProcessedRequest earlier = em.find(ProcessedRequest.class, validate(requestId), LockModeType.NONE);
        if (earlier != null) {
            earlier.requireSame(operation, fingerprint);
        }
        return Optional.ofNullable(earlier);
    }

    /**
     * Reserves the id now (flushing, so that a concurrent duplicate waits on the key and then fails
     * instead of posting a second time).
     */
    public ProcessedRequest reserve(String requestId, String operation, String fingerprint, Instant now) {
        ProcessedRequest reservation = new ProcessedRequest(validate(requestId), operation, fingerprint, now);
        em.persist(reservation);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException duplicate) {
            throw new TellerException(ErrorCode.REQUEST_IN_PROGRESS, requestId);
        }
        return reservation;
    }
}
