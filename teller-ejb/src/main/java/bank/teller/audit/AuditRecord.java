package bank.teller.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audit record: who (actor, roles, branch, terminal), when (UTC), what (action, subject,
 * detail with before/after where it applies) and the result; linked into its actor's hash chain
 * by the chainer after it was written ({@link AuditChainer}). Never changed once written but for
 * that link, set once (the database refuses anything else, and the chain would show it).
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "chain", nullable = false, length = 40, updatable = false)
    private String chain;

    /** Its number in the chain; null until the chainer linked it. */
    @Column(name = "chain_seq")
    private Long chainSeq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 40, updatable = false)
    private String actor;

    @Column(name = "roles", nullable = false, length = 120, updatable = false)
    private String roles;

    @Column(name = "branch_code", length = 4, updatable = false)
    private String branchCode;

    @Column(name = "terminal", length = 64, updatable = false)
    private String terminal;

    @Column(name = "action", nullable = false, length = 40, updatable = false)
    private String action;

    @Column(name = "subject", length = 100, updatable = false)
    private String subject;

    @Column(name = "detail", length = 2000, updatable = false)
    private String detail;

    @Column(name = "result", nullable = false, length = 60, updatable = false)
    private String result;

    @Column(name = "prev_hash", length = 64)
    private String prevHash;

    @Column(name = "hash", length = 64)
    private String hash;

    protected AuditRecord() {
    }

    /** Writes a record unlinked, in its actor's chain: the parameters are {@link #row}'s. */
    static final String INSERT = "INSERT INTO audit_record (id, chain, occurred_at, actor, roles, branch_code, "
            + "terminal, action, subject, detail, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The parameters of {@link #INSERT} for record {@code id} of {@code event}: the chain is the actor's. */
    static Object[] row(long id, AuditEvent event) {
        return new Object[] {id, event.actor(), event.occurredAt(), event.actor(), event.roles(), event.branchCode(),
                event.terminal(), event.action(), event.subject(), event.detail(), event.result()};
    }

    /** Links the record into its chain after the record whose hash is {@code prevHash}, once. */
    void link(long seq, String previous) {
        if (chainSeq != null) {
            throw new IllegalStateException("audit record " + id + " is linked already");
        }
        this.chainSeq = seq;
        this.prevHash = previous;
        this.hash = AuditChain.hash(previous, canonical());
    }

    /** The record's fields in a fixed order and form: what its hash is over. */
    public String canonical() {
        return AuditChain.canonical(chain, chainSeq, occurredAt, actor, roles, branchCode, terminal, action, subject,
                detail, result);
    }

    public Long id() {
        return id;
    }

    public String chain() {
        return chain;
    }

    /** Its number in the chain, or null while it waits for the chainer. */
    public Long chainSeq() {
        return chainSeq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String roles() {
        return roles;
    }

    public String branchCode() {
        return branchCode;
    }

    public String terminal() {
        return terminal;
    }

    public String action() {
        return action;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }

    public String result() {
        return result;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
