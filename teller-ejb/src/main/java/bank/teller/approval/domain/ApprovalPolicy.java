package bank.teller.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One line of the approval policy: {@code operation} by a maker in {@code makerRole} (or ANY) needs
 * a second person's approval at {@code minAmount} and above (or always, without a threshold).
 */
@Entity
@Table(name = "approval_policy")
public class ApprovalPolicy {

    public static final String ANY = "ANY";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_policy_seq")
    @SequenceGenerator(name = "approval_policy_seq", sequenceName = "approval_policy_seq", allocationSize = 50)
    private Long id;

    @Column(name = "operation", nullable = false, length = 30)
    private String operation;

    @Column(name = "maker_role", nullable = false, length = 20)
    private String makerRole;

    @Column(name = "min_amount", precision = 19, scale = 2)
    private BigDecimal minAmount;

    @Column(name = "description_zh", nullable = false, length = 100)
    private String descriptionZh;

    @Column(name = "description_en", nullable = false, length = 100)
    private String descriptionEn;

    @Column(name = "retired", nullable = false)
    private boolean retired;

    protected ApprovalPolicy() {
    }

    public ApprovalPolicy(long id, String operation, String makerRole, BigDecimal minAmount) {
        this(operation, makerRole, minAmount, operation, operation);
        this.id = id;
    }

    /** A new line; the operation, role and threshold are checked by the caller. */
    public ApprovalPolicy(String operation, String makerRole, BigDecimal minAmount, String descriptionZh,
                          String descriptionEn) {
        this.operation = operation;
        this.makerRole = makerRole;
        this.minAmount = minAmount;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
    }

    /**
     * The policy line that makes {@code operation} of {@code amount} (null: an operation without an
     * amount) by a maker with {@code makerRoles} need approval, if any: the one with the lowest
     * threshold among those that apply.
     */
    public static Optional<ApprovalPolicy> requiring(List<ApprovalPolicy> policies, String operation,
                                                     Set<String> makerRoles, BigDecimal amount) {
        return policies.stream()
                .filter(p -> p.operation.equals(operation) && !p.retired)
                .filter(p -> ANY.equals(p.makerRole) || makerRoles.contains(p.makerRole))
                .filter(p -> p.minAmount == null || amount != null && amount.compareTo(p.minAmount) >= 0)
                .min(Comparator.comparing(p -> p.minAmount == null ? BigDecimal.ZERO : p.minAmount));
    }

    public Long id() {
        return id;
    }

    /** From now on the line asks for nothing; it stays for the requests that name it. */
    public void retire() {
        this.retired = true;
    }

    public boolean retired() {
        return retired;
    }

    public String operation() {
        return operation;
    }

    public String makerRole() {
        return makerRole;
    }

    public BigDecimal minAmount() {
        return minAmount;
    }

    public String descriptionZh() {
        return descriptionZh;
    }

    public String descriptionEn() {
        return descriptionEn;
    }
}
