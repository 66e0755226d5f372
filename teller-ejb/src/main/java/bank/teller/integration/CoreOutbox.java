package bank.teller.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A committed journal entry whose message the core system has not been sent yet (see {@link CorePostingRelay}). */
@Entity
@Table(name = "core_outbox")
public class CoreOutbox {

    @Id
    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CoreOutbox() {
    }

    public CoreOutbox(long entryId, Instant createdAt) {
        this.entryId = entryId;
        this.createdAt = createdAt;
    }
}
