package bank.teller.web.ui;

import bank.teller.approval.application.ApprovalPolicies;
import bank.teller.approval.application.ApprovalPolicyView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;

/**
 * The approval policy screen (授权规则): which transactions need a supervisor's approval, from whom and
 * above what amount; administrators add a line or retire one (requests from then on follow the
 * change), supervisors and auditors look. Each change audited by the service.
 */
@Named
@ViewScoped
public class ApprovalPolicyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApprovalPolicies policies;

    private List<ApprovalPolicyView> lines = List.of();
    private String operation = getOperations().get(0);
    private String makerRole = "TELLER";
    private String minAmount;
    private String descriptionZh;
    private String descriptionEn;

    public void load() {
        List<ApprovalPolicyView> found = Screens.attempt(null, policies::list);
        lines = found == null ? List.of() : found;
    }

    public void add() {
        ApprovalPolicyView added = Screens.attempt("add:minAmount",
                () -> policies.add(operation, makerRole, minAmount, descriptionZh, descriptionEn));
        if (added != null) {
            Screens.info(Screens.text("policy.added", added.id()));
            minAmount = null;
            descriptionZh = null;
            descriptionEn = null;
            load();
        }
    }

    public void retire(ApprovalPolicyView line) {
        ApprovalPolicyView retired = Screens.attempt(null, () -> policies.retire(line.id()));
        if (retired != null) {
            Screens.info(Screens.text("policy.retiredLine", retired.id()));
            load();
        }
    }

    public List<String> getOperations() {
        return List.copyOf(new TreeSet<>(ApprovalPolicies.OPERATIONS));
    }

    public List<ApprovalPolicyView> getLines() {
        return lines;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getMakerRole() {
        return makerRole;
    }

    public void setMakerRole(String makerRole) {
        this.makerRole = makerRole;
    }

    public String getMinAmount() {
        return minAmount;
    }

    public void setMinAmount(String minAmount) {
        this.minAmount = minAmount;
    }

    public String getDescriptionZh() {
        return descriptionZh;
    }

    public void setDescriptionZh(String descriptionZh) {
        this.descriptionZh = descriptionZh;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }
}
