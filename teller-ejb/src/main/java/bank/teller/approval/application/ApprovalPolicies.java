package bank.teller.approval.application;

import bank.teller.approval.domain.ApprovalPolicy;
import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * The approval policy as reference data: supervisors read it, an administrator adds lines and
 * retires them (never deletes: requests name their line); a change applies to requests submitted
 * after it.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ApprovalPolicies {

    @EJB
    private AuditTrail audit;
    @Inject
    private BusinessCalendar calendar;

    /** The operations that ask for approval (each use case names its own when it calls {@code requireApproval}). */
    public static final Set<String> OPERATIONS = Set.of("CASH_DEPOSIT", "CASH_WITHDRAWAL", "TRANSFER",
            "ACCOUNT_CLOSING", "REVERSAL", "ADJUSTMENT", "WIRE_TRANSFER", "COLLECTION", "DEPOSIT_OPENING",
            "DEPOSIT_WITHDRAWAL", "DEPOSIT_EARLY_WITHDRAWAL", "CERTIFICATE_REISSUE");
    private static final Set<String> MAKER_ROLES = Set.of(Roles.TELLER, Roles.SUPERVISOR, ApprovalPolicy.ANY);

    @PersistenceContext(unitName = "teller")
    private EntityManager em;

    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ApprovalPolicyView> list() {
        return em.createQuery("SELECT p FROM ApprovalPolicy p ORDER BY p.operation, p.id", ApprovalPolicy.class)
                .getResultList().stream().map(ApprovalPolicyView::of).toList();
    }

    /** @param minAmount the threshold, or null/blank for "always" */
    public ApprovalPolicyView add(String operation, String makerRole, String minAmount, String descriptionZh,
                                  String descriptionEn) {
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "operation", String.valueOf(operation));
        }
        if (makerRole == null || !MAKER_ROLES.contains(makerRole)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "makerRole", String.valueOf(makerRole));
        }
        ApprovalPolicy policy = new ApprovalPolicy(operation, makerRole,
                minAmount == null || minAmount.isBlank() ? null : Money.cny(minAmount).requirePositive().amount(),
                Text.required("descriptionZh", descriptionZh, 100), Text.required("descriptionEn", descriptionEn, 100));
        em.persist(policy);
        em.flush();
        ApprovalPolicyView view = ApprovalPolicyView.of(policy);
        calendar.referenceChanged();
        audit.record("REFERENCE_DATA_CHANGED", "approval-policy:" + view.id(), "added: " + view, AuditEvent.SUCCESS);
        return view;
    }

    /** Retires a line: requests submitted from now on no longer match it. */
    public ApprovalPolicyView retire(long id) {
        ApprovalPolicy policy = em.find(ApprovalPolicy.class, id);
        if (policy == null) {
            throw new TellerException(ErrorCode.APPROVAL_POLICY_NOT_FOUND, id);
        }
        String before = ApprovalPolicyView.of(policy).toString();
        policy.retire();
        ApprovalPolicyView view = ApprovalPolicyView.of(policy);
        calendar.referenceChanged();
        audit.record("REFERENCE_DATA_CHANGED", "approval-policy:" + id, "before: " + before + "; after: " + view,
                AuditEvent.SUCCESS);
        return view;
    }
}
