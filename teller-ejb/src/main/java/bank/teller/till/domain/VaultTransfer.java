package bank.teller.till.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Cash between the vault and a till (调拨): asked for by the till's teller, then confirmed (and
 * only then posted) or rejected once by someone else, the vault keeper.
 */
@Entity
@Table(name = "vault_transfer")
public class VaultTransfer {

    public static final String TO_TILL = "TO_TILL";
    public static final String TO_VAULT = "TO_VAULT";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vault_transfer_seq")
    @SequenceGenerator(name = "vault_transfer_seq", sequenceName = "vault_transfer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "direction", nullable = false, length = 8)
    private String direction;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "requested_by", nullable = false, length = 40)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 40)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "entry_id")
    private Long entryId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected VaultTransfer() {
    }

    public VaultTransfer(Long sessionId, String direction, Money amount, String requestedBy, Instant requestedAt) {
        if (!TO_TILL.equals(direction) && !TO_VAULT.equals(direction)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "direction", String.valueOf(direction));
        }
        this.sessionId = sessionId;
        this.direction = direction;
        this.amount = amount.requirePositive().amount();
        this.status = "REQUESTED";
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /** The vault keeper hands over or takes the cash; {@code entryId} is its posting. */
    public void confirmed(String by, Long entryId, Instant at) {
        decide(by, at);
        this.status = "CONFIRMED";
        this.entryId = entryId;
    }

    public void rejected(String by, Instant at) {
        decide(by, at);
        this.status = "REJECTED";
    }

    /** Refused unless still requested, and when the vault keeper is the teller who asked. */
    public void requireDecidableBy(String by) {
        if (!"REQUESTED".equals(status)) {
            throw new TellerException(ErrorCode.VAULT_TRANSFER_DECIDED, id, status);
        }
        if (by.equals(requestedBy)) {
            throw new TellerException(ErrorCode.CHECKER_IS_MAKER, by);
        }
    }

    private void decide(String by, Instant at) {
        requireDecidableBy(by);
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long id() {
        return id;
    }

    public Long sessionId() {
        return sessionId;
    }

    public String direction() {
        return direction;
    }

    public Money amount() {
        return Money.of(amount, Money.CNY);
    }

    public String status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }
}
