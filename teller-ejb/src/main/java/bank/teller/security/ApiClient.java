package bank.teller.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API key of another system: its public id, the SHA-256 of its secret, the system user it stands for. */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_client_seq")
    @SequenceGenerator(name = "api_client_seq", sequenceName = "api_client_seq", allocationSize = 50)
    private Long id;

    @Column(name = "key_id", nullable = false, length = 16, updatable = false)
    private String keyId;

    @Column(name = "key_hash", nullable = false, length = 64, updatable = false)
    private String keyHash;

    @Column(name = "username", nullable = false, length = 40, updatable = false)
    private String username;

    @Column(name = "description", nullable = false, length = 100)
    private String description;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 40, updatable = false)
    private String createdBy;

    protected ApiClient() {
    }

    ApiClient(String keyId, String keyHash, String username, String description, Instant createdAt, String createdBy) {
        this.keyId = keyId;
        this.keyHash = keyHash;
        this.username = username;
        this.description = description;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void revoke() {
        enabled = false;
    }

    String keyId() {
        return keyId;
    }

    String username() {
        return username;
    }

    String description() {
        return description;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
