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
import java.util.function.Function;
import java.util.regex.Pattern;

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

    private static final Pattern REQUEST_ID = Pattern.compile("([a-z][a-z0-9-]{1,19}:)?[A-Za-z0-9._:-]{8,64}");

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
        String id = validate(requestId);
        String caller = context.getCallerPrincipal().getName();
        // the caller's own reservation, or one from before keys were per caller whose caller is unknown
        ProcessedRequest earlier = em.createQuery("SELECT r FROM ProcessedRequest r WHERE r.requestId = :id "
                        + "AND r.caller IN (:caller, :unknown) ORDER BY r.caller DESC", ProcessedRequest.class)
                .setParameter("id", id).setParameter("caller", caller)
                .setParameter("unknown", ProcessedRequest.UNKNOWN_CALLER)
                .setFlushMode(FlushModeType.COMMIT).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            earlier.requireSame(operation, fingerprint);
            return replay.apply(earlier.resultRef());
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

    /**
     * A valid request id: 8-64 characters of letters, digits, '-', '_', '.' or ':', possibly behind
     * the name of the channel system it is the own id of ("online:mb-0001", see ChannelRequests).
     */
    private static String validate(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new TellerException(ErrorCode.REQUEST_ID_INVALID);
        }
        return requestId;
    }
}
