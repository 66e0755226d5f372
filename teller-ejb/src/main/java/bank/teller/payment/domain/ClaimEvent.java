package bank.teller.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A step in a claim's history: submitted, approved or returned at a step (by whom, as which role, why), paid. */
@Entity
@Table(name = "claim_event")
public class ClaimEvent {

    public static final int NOTE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_event_seq")
    @SequenceGenerator(name = "claim_event_seq", sequenceName = "claim_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "claim_id", nullable = false)
    private long claimId;

    @Column(name = "action", nullable = false, length = 12)
    private String action;

    @Column(name = "step_no")
    private Integer stepNo;

    @Column(name = "role", length = 20)
    private String role;

    @Column(name = "actor", nullable = false, length = 40)
    private String actor;

    @Column(name = "note", length = NOTE_MAX)
    private String note;

    @Column(name = "at", nullable = false)
    private Instant at;

    protected ClaimEvent() {
    }

    public ClaimEvent(long claimId, String action, Integer stepNo, String role, String actor, String note, Instant at) {
        this.claimId = claimId;
        this.action = action;
        this.stepNo = stepNo;
        this.role = role;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    public String action() {
        return action;
    }

    public Integer stepNo() {
        return stepNo;
    }

    public String role() {
        return role;
    }

    public String actor() {
        return actor;
    }

    public String note() {
        return note;
    }

    public Instant at() {
        return at;
    }
}
