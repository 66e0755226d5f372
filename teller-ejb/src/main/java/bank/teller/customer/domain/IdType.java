package bank.teller.customer.domain;

/** The identity documents the counter accepts, each with its check-digit rule. */
public enum IdType {
    /** 居民身份证 */
    RESIDENT_ID,
    /** 统一社会信用代码 */
    CREDIT_CODE;

    /** The number in canonical form, refused with the document's error code when its check fails. */
    public String validate(String number) {
        return this == RESIDENT_ID ? new ResidentId(number).value() : new UnifiedSocialCreditCode(number).value();
    }

    /** As printed on vouchers and shown on lists: resident IDs masked, credit codes (public) in full. */
    public String mask(String validNumber) {
        return this == RESIDENT_ID ? new ResidentId(validNumber).masked() : validNumber;
    }
}
