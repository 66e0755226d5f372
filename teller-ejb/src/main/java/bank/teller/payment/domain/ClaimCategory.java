package bank.teller.payment.domain;

/** What a reimbursement claim's line was spent on. */
public enum ClaimCategory {
    /** 差旅费 */
    TRAVEL,
    /** 交通费 */
    TRANSPORT,
    /** 办公用品 */
    OFFICE,
    /** 业务招待费: approved more strictly (claim_rule). */
    ENTERTAINMENT,
    /** 培训费 */
    TRAINING,
    /** 其他 */
    OTHER
}
