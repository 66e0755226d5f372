package bank.teller.customer.domain;

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
import java.time.LocalDate;

/**
 * One identity check (联网核查) as it happened: the document and name asked about, the answer and
 * the service's reference, who asked and when. Kept whatever the result; never changed.
 */
@Entity
@Table(name = "identity_verification")
public class IdentityVerification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_verification_seq")
    @SequenceGenerator(name = "identity_verification_seq", sequenceName = "identity_verification_seq",
            allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type", nullable = false, length = 12)
    private IdType idType;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(name = "name", nullable = false, length = Customer.NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "result", nullable = false, length = 14)
    private VerificationResult result;

    @Column(name = "reference", nullable = false, length = 40)
    private String reference;

    @Column(name = "verified_by", nullable = false, length = 40)
    private String verifiedBy;

    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    protected IdentityVerification() {
    }

    public IdentityVerification(IdType idType, String validNumber, String validName, VerificationResult result,
                                String reference, String verifiedBy, Instant verifiedAt, LocalDate businessDate) {
        this.idType = idType;
        this.idNumber = validNumber;
        this.name = validName;
        this.result = result;
        this.reference = reference;
        this.verifiedBy = verifiedBy;
        this.verifiedAt = verifiedAt;
        this.businessDate = businessDate;
    }

    /** Whether this check vouches for registering {@code name} with this document on {@code today}. */
    public boolean vouchesFor(IdType type, String number, String customerName, LocalDate today) {
        return result == VerificationResult.MATCH && idType == type && idNumber.equals(number)
                && name.equals(customerName) && businessDate.equals(today);
    }

    public Long id() {
        return id;
    }

    public IdType idType() {
        return idType;
    }

    public String idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }

    public VerificationResult result() {
        return result;
    }

    public String reference() {
        return reference;
    }

    public String verifiedBy() {
        return verifiedBy;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }
}
