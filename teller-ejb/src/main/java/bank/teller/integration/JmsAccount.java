package bank.teller.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account another bank system signs in to the broker with (realm TellerJmsRealm reads this
 * table): the system it stands for and the SHA-256 of its password.
 */
@Entity
@Table(name = "jms_account")
public class JmsAccount {

    @Id
    @Column(name = "username", length = 40)
    private String username;

    @Column(name = "system_name", nullable = false, length = 20, updatable = false)
    private String system;

    @Column(name = "password_hash", nullable = false, length = 64, updatable = false)
    private String passwordHash;

    @Column(name = "description", nullable = false, length = 100, updatable = false)
    private String description;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 40, updatable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 40)
    private String revokedBy;

    protected JmsAccount() {
    }

    JmsAccount(String username, String system, String passwordHash, String description, Instant createdAt,
               String createdBy) {
        this.username = username;
        this.system = system;
        this.passwordHash = passwordHash;
        this.description = description;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** False if it was revoked already. */
    boolean revoke(Instant at, String by) {
        if (!enabled) {
            return false;
        }
        enabled = false;
        revokedAt = at;
        revokedBy = by;
        return true;
    }

    JmsAccounts.AccountView view() {
        return new JmsAccounts.AccountView(username, system, description, enabled, createdAt, createdBy, revokedAt,
                revokedBy);
    }
}
