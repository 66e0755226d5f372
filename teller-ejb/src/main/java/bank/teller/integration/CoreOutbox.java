package bank.teller.integration;

import bank.teller.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A committed journal entry whose message the core system has not been sent yet (see
 * {@link CorePostingRelay}). An entry that keeps failing while others are sent is parked: it waits,
 * with the reason, until a supervisor sends it again ({@link ParkedPostings}).
 */
@Entity
@Table(name = "core_outbox")
public class CoreOutbox {

    /** Failures, each while other entries went through, after which an entry is set aside. */
    static final int ATTEMPTS_BEFORE_PARKING = 3;
    static final int ERROR_MAX = 500;

    @Id
    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "parked_at")
    private Instant parkedAt;

    /** The request id of the work that posted the entry ({@link bank.teller.platform.Trace}), or null. */
    @Column(name = "trace_id", length = 64)
    private String traceId;

    protected CoreOutbox() {
    }

    /** Counts a failure to send this entry; returns true when it is now set aside. */
    boolean failed(String reason, Instant now) {
        attempts++;
        lastError = Text.abbreviated(reason, ERROR_MAX - 1);
        if (attempts >= ATTEMPTS_BEFORE_PARKING && parkedAt == null) {
            parkedAt = now;
            return true;
        }
        return false;
    }

    /** Back in line: the relay sends it at its next run, with a fresh count of failures. */
    void unpark() {
        attempts = 0;
        parkedAt = null;
    }

    public long entryId() {
        return entryId;
    }

    public String traceId() {
        return traceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant parkedAt() {
        return parkedAt;
    }

    public boolean parked() {
        return parkedAt != null;
    }
}
