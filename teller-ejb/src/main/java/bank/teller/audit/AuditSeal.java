package bank.teller.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A seal of the audit trail: the chains' heads at {@code sealedAt} and their keyed MAC. */
@Entity
@Table(name = "audit_seal")
public class AuditSeal {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_seal_seq")
    @SequenceGenerator(name = "audit_seal_seq", sequenceName = "audit_seal_seq", allocationSize = 50)
    private Long id;

    @Column(name = "sealed_at", nullable = false, updatable = false)
    private Instant sealedAt;

    @Column(name = "heads", nullable = false, length = 200000, updatable = false)
    private String heads;

    @Column(name = "mac", nullable = false, length = 64, updatable = false)
    private String mac;

    protected AuditSeal() {
    }

    AuditSeal(Instant sealedAt, String heads, String mac) {
        this.sealedAt = sealedAt;
        this.heads = heads;
        this.mac = mac;
    }

    public Long id() {
        return id;
    }

    public Instant sealedAt() {
        return sealedAt;
    }

    public String heads() {
        return heads;
    }

    public String mac() {
        return mac;
    }
}
