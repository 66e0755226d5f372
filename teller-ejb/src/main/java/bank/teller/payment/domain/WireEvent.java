package bank.teller.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One step of a wire's progress (查询付款进度): the state it reached, or an answer that changed
 * nothing (a duplicate, a contradiction), with the clearing reference and the entry that moved money.
 * Never changed, never deleted.
 */
@Entity
@Table(name = "wire_event")
public class WireEvent {

    public static final int DETAIL_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "wire_event_seq")
    @SequenceGenerator(name = "wire_event_seq", sequenceName = "wire_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "wire_id", nullable = false)
    private Long wireId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private WireStatus status;

    @Column(name = "clearing_ref", length = Wire.CLEARING_REF_MAX)
    private String clearingRef;

    @Column(name = "detail", length = DETAIL_MAX)
    private String detail;

    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "recorded_at", nullable = false)
    private Instant at;

    protected WireEvent() {
    }

    public WireEvent(long wireId, WireStatus status, String clearingRef, String detail, Long entryId, Instant at) {
        this.wireId = wireId;
        this.status = status;
        this.clearingRef = clearingRef;
        this.detail = detail;
        this.entryId = entryId;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public long wireId() {
        return wireId;
    }

    public WireStatus status() {
        return status;
    }

    public String clearingRef() {
        return clearingRef;
    }

    public String detail() {
        return detail;
    }

    public Long entryId() {
        return entryId;
    }

    public Instant at() {
        return at;
    }
}
