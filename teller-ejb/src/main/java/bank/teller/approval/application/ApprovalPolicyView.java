package bank.teller.approval.application;

import bank.teller.approval.domain.ApprovalPolicy;

/** One line of the approval policy; {@code minAmount} null means always. */
public record ApprovalPolicyView(long id, String operation, String makerRole, String minAmount, String descriptionZh,
                                 String descriptionEn, boolean retired) {

    static ApprovalPolicyView of(ApprovalPolicy p) {
        return new ApprovalPolicyView(p.id(), p.operation(), p.makerRole(),
                p.minAmount() == null ? null : p.minAmount().toPlainString(), p.descriptionZh(), p.descriptionEn(),
                p.retired());
    }
}
