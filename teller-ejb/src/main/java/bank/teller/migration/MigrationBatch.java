package bank.teller.migration;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One attempt at migrating a branch: LOADED, IMPORTING, IMPORTED, then SIGNED_OFF or DISCARDED. */
@Entity
@Table(name = "migration_batch")
public class MigrationBatch {

    public enum Status { LOADED, IMPORTING, IMPORTED, SIGNED_OFF, DISCARDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "migration_batch_seq")
    @SequenceGenerator(name = "migration_batch_seq", sequenceName = "migration_batch_seq", allocationSize = 10)
    private Long id;

    @Column(name = "branch_code", nullable = false, length = 4)
    private String branchCode;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "loaded_by", nullable = false, length = 40)
    private String loadedBy;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    @Column(name = "closed_by", length = 40)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected MigrationBatch() {
    }

    public MigrationBatch(String branchCode, LocalDate businessDate, String loadedBy, Instant loadedAt) {
        this.branchCode = branchCode;
        this.businessDate = businessDate;
        this.loadedBy = loadedBy;
        this.loadedAt = loadedAt;
        this.status = Status.LOADED.name();
    }

    /** Whether it still stands for the branch (not discarded): a branch has one such batch at a time. */
    public boolean standing() {
        return status() != Status.DISCARDED;
    }

    /** Refused once its import started: its files are staged before. */
    public void requireLoading() {
        if (status() != Status.LOADED) {
            throw new TellerException(ErrorCode.MIGRATION_STATE, id, status);
        }
    }

    /** The job that imports it is about to start (or restart): refused once signed off or discarded. */
    public void importing() {
        requireOpen();
        if (status() != Status.IMPORTED) {
            this.status = Status.IMPORTING.name();
        }
    }

    /** The job execution that imports it. */
    public void executedBy(long execution) {
        this.executionId = execution;
    }

    /** Every row was imported or rejected. */
    public void imported() {
        this.status = Status.IMPORTED.name();
    }

    public void signedOff(String by, Instant at) {
        if (status() != Status.IMPORTED) {
            throw new TellerException(ErrorCode.MIGRATION_STATE, id, status);
        }
        if (by.equals(loadedBy)) {
            throw new TellerException(ErrorCode.MIGRATION_SIGN_OFF_BY_LOADER, id, loadedBy);
        }
        closed(Status.SIGNED_OFF, by, at);
    }

    public void discarded(String by, Instant at) {
        requireOpen();
        if (status() == Status.IMPORTING) {
            throw new TellerException(ErrorCode.MIGRATION_STATE, id, status);
        }
        closed(Status.DISCARDED, by, at);
    }

    /** Refused once signed off or discarded. */
    public void requireOpen() {
        if (status() == Status.SIGNED_OFF || status() == Status.DISCARDED) {
            throw new TellerException(ErrorCode.MIGRATION_STATE, id, status);
        }
    }

    private void closed(Status to, String by, Instant at) {
        this.status = to.name();
        this.closedBy = by;
        this.closedAt = at;
    }

    public Long id() {
        return id;
    }

    public String branchCode() {
        return branchCode;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public Long executionId() {
        return executionId;
    }

    public String loadedBy() {
        return loadedBy;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** The batch, locked for the caller's transaction; an unknown id is refused. */
    static MigrationBatch lock(EntityManager em, long id) {
        MigrationBatch batch = em.find(MigrationBatch.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw new TellerException(ErrorCode.MIGRATION_NOT_FOUND, id);
        }
        return batch;
    }
}
