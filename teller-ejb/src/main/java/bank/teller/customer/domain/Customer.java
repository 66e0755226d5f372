package bank.teller.customer.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An individual customer. Invariants: the name is 1-60 characters without control characters;
 * the resident ID has a valid check digit and is unique (one customer per ID number).
 */
@Entity
@Table(name = "customer")
public class Customer {

    public static final int NAME_MAX = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "resident_id", nullable = false, unique = true, length = 18)
    private String residentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 40)
    private String createdBy;

    protected Customer() {
    }

    public Customer(String name, ResidentId residentId, Instant createdAt, String createdBy) {
        this.name = validName(name);
        this.residentId = residentId.value();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX
                || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new TellerException(ErrorCode.CUSTOMER_NAME_INVALID, NAME_MAX);
        }
        return trimmed;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ResidentId residentId() {
        return new ResidentId(residentId);
    }
}
