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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A company's collection agreement (代收协议): its code (what the counter and the bill lists quote),
 * its name, what it collects, and the company's account its collections are credited to.
 */
@Entity
@Table(name = "collection_agreement")
public class CollectionAgreement {

    public static final String CODE_PATTERN = "[A-Z0-9]{3,12}";
    public static final int NAME_MAX = 60;

    /** What a company collects. */
    public enum Category {
        UTILITY, TUITION, FEE, OTHER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "collection_agreement_seq")
    @SequenceGenerator(name = "collection_agreement_seq", sequenceName = "collection_agreement_seq", allocationSize = 50)
    private Long id;

    @Column(name = "code", nullable = false, length = 12, unique = true)
    private String code;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 10)
    private Category category;

    @Column(name = "company_account", nullable = false, length = 16)
    private String companyAccount;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false, length = 40)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CollectionAgreement() {
    }

    public CollectionAgreement(String code, String name, Category category, String companyAccount, String createdBy,
                               Instant now) {
        this.code = code;
        this.name = name;
        this.category = category;
        this.companyAccount = companyAccount;
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Whether it says what {@code other} would: the same company account, name and category (a repeated request). */
    public boolean sameAs(String otherName, Category otherCategory, String otherAccount) {
        return name.equals(otherName) && category == otherCategory && companyAccount.equals(otherAccount);
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Category category() {
        return category;
    }

    public String companyAccount() {
        return companyAccount;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
