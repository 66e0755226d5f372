package bank.teller.shared;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Makes a write happen once per client request id (Idempotency-Key, JMS requestId) of a caller,
 * inside the calling use case's transaction: see {@link #once}. The caller is the principal the
 * use case runs as — a user, an API client ({@code api-...}) or the channel listener ({@code
 * channel}, which alone carries JMS requests) — so one caller's key never answers another's request.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RequestIds {

    /** The write itself, given the time it is recorded at; returns its result. */
    @FunctionalInterface
    public interface Write<T> {
        T run(Instant now);
    }

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @Resource
    private SessionContext context;

    private final Clock clock = Clock.systemUTC();

    /**
     * Runs {@code write} unless the request id was processed before, in which case the first result
     * is rebuilt by {@code replay} from its reference and nothing is written. The id is recorded
     * once, with the write's result, under a primary key when the write is done: a concurrent
     * duplicate has waited for the first on its locks by then and fails with REQUEST_IN_PROGRESS
     * (its own write rolls back; asking again returns the first result). The fingerprint (what makes
     * it the same request) catches an id reused for another request.
     */
    public <T> T once(String requestId, String operation, String fingerprint, Function<String, T> replay,
                      Write<T> write, Function<T, String> reference) {
        String id = ProcessedRequest.validId(requestId);
        String caller = context.getCallerPrincipal().getName();
        Earlier earlier = earlier(caller, id);
        if (earlier != null) {
            return earlier.replayed(operation, fingerprint, replay);
        }
        Instant now = StoredTime.now(clock);
        T result = write.run(now);
        em.flush(); // the write's own changes, whose failures are the write's
        ProcessedRequest reservation = new ProcessedRequest(caller, id, operation, fingerprint, now);
        reservation.completedWith(reference.apply(result));
        em.persist(reservation);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException duplicate) {
            throw new TellerException(ErrorCode.REQUEST_IN_PROGRESS, id);
        }
        return result;
    }

    /** A request processed before: what it was and a reference to its result. */
    public record Earlier(String requestId, String operation, String fingerprint, String resultRef) {

        /** The first result again, if this is the same request; else IDEMPOTENCY_KEY_REUSED. */
        public <T> T replayed(String operation, String fingerprint, Function<String, T> replay) {
            if (!this.operation.equals(operation) || !this.fingerprint.equals(fingerprint)) {
                throw new TellerException(ErrorCode.IDEMPOTENCY_KEY_REUSED, requestId);
            }
            return replay.apply(resultRef);
        }
    }

    /**
     * The caller's earlier request of this id, committed, or null: a reservation, or a posting that is
     * its own record (its journal entry, see PostingRequests), in one statement. A reservation or an
     * entry from before keys were per caller, whose caller is unknown, answers any caller.
     */
    public Earlier earlier(String caller, String requestId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT operation, fingerprint, result_ref, caller "
                        + "FROM request_reservation WHERE request_id = ?1 AND caller IN (?2, ?3) "
                        + "UNION ALL SELECT entry_type, request_fingerprint, CAST(id AS VARCHAR(64)), request_caller "
                        + "FROM journal_entry WHERE request_id = ?1 AND request_caller IN (?2, ?3) "
                        + "ORDER BY 4 DESC")
                .setParameter(1, requestId).setParameter(2, caller).setParameter(3, ProcessedRequest.UNKNOWN_CALLER)
                .setFlushMode(FlushModeType.COMMIT).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new Earlier(requestId, (String) row[0], (String) row[1], (String) row[2]);
    }
}
