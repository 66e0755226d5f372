package bank.teller.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The reservation of a client request id (Idempotency-Key / JMS requestId) by its caller. Inserted in
 * the same transaction as the effects of the request, under the primary key (caller, request id), so
 * a request takes effect at most once; {@code resultRef} lets a replay return the first result. The
 * same id from another caller is another request. The fingerprint catches a key reused for a
 * different request.
 */
@Entity
@Table(name = "request_reservation")
@IdClass(ProcessedRequest.Key.class)
public class ProcessedRequest {

    /** The caller of a reservation made before keys were per caller, when it could not be told (migration v021). */
    public static final String UNKNOWN_CALLER = "";

    private static final Pattern REQUEST_ID = Pattern.compile("([a-z][a-z0-9-]{1,19}:)?[A-Za-z0-9._:-]{8,64}");

    /** The primary key: whose request, and its id. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String caller;
        private String requestId;

        public Key() {
        }

        public Key(String caller, String requestId) {
            this.caller = caller;
            this.requestId = requestId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caller, k.caller) && Objects.equals(requestId, k.requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caller, requestId);
        }
    }

    @Id
    @Column(name = "caller", length = 40)
    private String caller;

    @Id
    @Column(name = "request_id", length = 100)
    private String requestId;

    @Column(name = "operation", nullable = false, length = 30)
    private String operation;

    @Column(name = "fingerprint", nullable = false, length = 200)
    private String fingerprint;

    @Column(name = "result_ref", length = 64)
    private String resultRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * A valid request id: 8-64 characters of letters, digits, '-', '_', '.' or ':', possibly behind
     * the name of the channel system it is the own id of ("online:mb-0001", see ChannelRequests).
     */
    public static String validId(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new TellerException(ErrorCode.REQUEST_ID_INVALID);
        }
        return requestId;
    }

    protected ProcessedRequest() {
    }

    public ProcessedRequest(String caller, String requestId, String operation, String fingerprint, Instant createdAt) {
        this.caller = caller;
        this.requestId = requestId;
        this.operation = operation;
        this.fingerprint = fingerprint;
        this.createdAt = createdAt;
    }

    public void completedWith(String resultRef) {
        this.resultRef = resultRef;
    }
}
