package bank.teller.customer.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
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
import java.util.regex.Pattern;

/**
 * A customer (客户), individual or corporate. Invariants: the name is 1-60 characters without
 * control characters; the ID number passes its document's check (resident ID for individuals,
 * unified social credit code for companies) and is unique per customer type; a phone number is
 * 5-20 digits (may start with +, may hold spaces and hyphens). Individuals' birth date and gender
 * come from the resident ID. A customer is registered only on a matching identity check.
 */
@Entity
@Table(name = "customer")
public class Customer {

    public static final int NAME_MAX = 60;
    public static final int ADDRESS_MAX = 200;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{3,18}[0-9]");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false, length = 10)
    private CustomerType type;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(name = "phone", length = 20)
    private String phone;

    @Column(name = "address", length = ADDRESS_MAX)
    private String address;

    @Column(name = "occupation", length = NAME_MAX)
    private String occupation;

    @Column(name = "legal_representative", length = NAME_MAX)
    private String legalRepresentative;

    @Column(name = "contact_name", length = NAME_MAX)
    private String contactName;

    @Column(name = "contact_phone", length = 20)
    private String contactPhone;

    @Column(name = "verification_id")
    private Long verificationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 40)
    private String createdBy;

    /** A training branch's customer (培训), apart from the bank's: see {@code Branches#training}. */
    @Column(name = "training", nullable = false)
    private boolean training;

    protected Customer() {
    }

    private Customer(CustomerType type, String name, String idNumber, String phone, String address,
                     Instant createdAt, String createdBy) {
        this.type = type;
        this.name = validName(name);
        this.idNumber = type.idType().validate(idNumber);
        this.phone = phone(phone);
        this.address = Text.optional("address", address, ADDRESS_MAX);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** An individual; phone and address are required, occupation is optional. */
    public static Customer individual(String name, ResidentId residentId, String phone, String address,
                                      String occupation, Instant createdAt, String createdBy) {
        Customer customer = new Customer(CustomerType.INDIVIDUAL, name, residentId.value(), required("phone", phone),
                Text.required("address", address, ADDRESS_MAX), createdAt, createdBy);
        customer.occupation = Text.optional("occupation", occupation, NAME_MAX);
        return customer;
    }

    /** A company; legal representative, registered address and a contact (name and phone) are required. */
    public static Customer corporate(String name, UnifiedSocialCreditCode creditCode, String legalRepresentative,
                                     String registeredAddress, String contactName, String contactPhone,
                                     Instant createdAt, String createdBy) {
        Customer customer = new Customer(CustomerType.CORPORATE, name, creditCode.value(), null,
                Text.required("registeredAddress", registeredAddress, ADDRESS_MAX), createdAt, createdBy);
        customer.legalRepresentative = Text.required("legalRepresentative", legalRepresentative, NAME_MAX);
        customer.contactName = Text.required("contactName", contactName, NAME_MAX);
        customer.contactPhone = phone(required("contactPhone", contactPhone));
        return customer;
    }

    /** Records the identity check this customer was registered (or re-verified) on. */
    public void verifiedBy(IdentityVerification verification, LocalDate today) {
        if (!verification.vouchesFor(type.idType(), idNumber, name, today)) {
            throw new TellerException(ErrorCode.CUSTOMER_NOT_VERIFIED, maskedIdNumber());
        }
        this.verificationId = verification.id();
    }

    /** Refused unless the customer was registered on a matching identity check. */
    public void requireVerified() {
        if (verificationId == null) {
            throw new TellerException(ErrorCode.CUSTOMER_NOT_VERIFIED, maskedIdNumber());
        }
    }

    public static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX
                || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new TellerException(ErrorCode.CUSTOMER_NAME_INVALID, NAME_MAX);
        }
        return trimmed;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new TellerException(ErrorCode.TEXT_INVALID, 20, field);
        }
        return value;
    }

    private static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (!isPhoneNumber(stripped)) {
            throw new TellerException(ErrorCode.PHONE_INVALID,
                    maskedPhone(stripped.length() > 30 ? stripped.substring(0, 30) : stripped));
        }
        return stripped;
    }

    /**
     * A phone number as answers, screens and exports show it: the first three and the last four
     * characters of a mobile number (138****8000), less of a shorter one; the number in full is
     * revealed to the teller who needs it, and audited.
     */
    public static String maskedPhone(String phone) {
        if (phone == null) {
            return null;
        }
        int head = phone.length() >= 11 ? 3 : phone.length() >= 7 ? 2 : 0;
        int tail = phone.length() >= 11 ? 4 : phone.length() >= 7 ? 2 : 0;
        return phone.substring(0, head) + "*".repeat(phone.length() - head - tail) + phone.substring(phone.length() - tail);
    }

    /** Whether {@code text} has the form of a phone number (5-20 digits, may start with +, spaces and hyphens). */
    public static boolean isPhoneNumber(String text) {
        return PHONE.matcher(text).matches();
    }

    public Long id() {
        return id;
    }

    public CustomerType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String idNumber() {
        return idNumber;
    }

    public String maskedIdNumber() {
        return type.idType().mask(idNumber);
    }

    /** The resident ID of an individual; refused for a company. */
    public ResidentId residentId() {
        if (type != CustomerType.INDIVIDUAL) {
            throw new IllegalStateException("customer " + id + " is not an individual");
        }
        return new ResidentId(idNumber);
    }

    public String phone() {
        return phone;
    }

    public String address() {
        return address;
    }

    public String occupation() {
        return occupation;
    }

    public String legalRepresentative() {
        return legalRepresentative;
    }

    public String contactName() {
        return contactName;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public boolean training() {
        return training;
    }

    /** Registered in training: the customer exists for training only. */
    public void inTraining() {
        this.training = true;
    }

    public boolean verified() {
        return verificationId != null;
    }

    public Long verificationId() {
        return verificationId;
    }

    /**
     * The customer of the type with the ID number, or null: one person is registered once for the
     * bank, and once for training ({@code training}).
     */
    public static Customer findByIdNumber(EntityManager em, CustomerType type, String idNumber, boolean training) {
        // training compared here: EclipseLink writes a boolean as a number on H2, which refuses to compare it
        return em.createQuery("SELECT c FROM Customer c WHERE c.type = :type AND c.idNumber = :number", Customer.class)
                .setParameter("type", type).setParameter("number", idNumber).getResultStream()
                .filter(c -> c.training == training).findFirst().orElse(null);
    }
}
