package bank.teller.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The reservation of a client request id (Idempotency-Key / JMS requestId). Inserted in the same
 * transaction as the effects of the request, under the primary key, so a request takes effect at
 * most once; {@code resultRef} lets a replay return the first result. The fingerprint catches a
 * key reused for a different request.
 */
@Entity
@Table(name = "processed_request")
public class ProcessedRequest {

    @Id
    @Column(name = "request_id", length = 64)
    private String requestId;

    @Column(name = "operation", nullable = false, length = 30)
    private String operation;

    @Column(name = "fingerprint", nullable = false, length = 200)
    private String fingerprint;

    @Column(name = "result_ref", length = 64)
    private String resultRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProcessedRequest() {
    }

    public ProcessedRequest(String requestId, String operation, String fingerprint, Instant createdAt) {
        this.requestId = requestId;
        this.operation = operation;
        this.fingerprint = fingerprint;
        this.createdAt = createdAt;
    }

    /** Checks a replay is the same request as the first one. */
    public void requireSame(String operation, String fingerprint) {
        if (!this.operation.equals(operation) || !this.fingerprint.equals(fingerprint)) {
            throw new TellerException(ErrorCode.IDEMPOTENCY_KEY_REUSED, requestId);
        }
    }

    public void completedWith(String resultRef) {
        this.resultRef = resultRef;
    }

    public String resultRef() {
        return resultRef;
    }
}
