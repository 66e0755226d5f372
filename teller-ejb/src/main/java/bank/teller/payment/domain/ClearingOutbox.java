package bank.teller.payment.domain;

import bank.teller.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A wire whose message the clearing system has not been sent yet: written with the wire, removed when sent. */
@Entity
@Table(name = "clearing_outbox")
public class ClearingOutbox {

    static final int ERROR_MAX = 500;

    @Id
    @Column(name = "wire_id")
    private Long wireId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    protected ClearingOutbox() {
    }

    public ClearingOutbox(long wireId, Instant createdAt) {
        this.wireId = wireId;
        this.createdAt = createdAt;
    }

    /** Counts a failure to send it: it stays, and is tried again at the next run. */
    public void failed(String reason) {
        attempts++;
        lastError = Text.abbreviated(reason, ERROR_MAX - 1);
    }

    public long wireId() {
        return wireId;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
