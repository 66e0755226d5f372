package bank.teller.shared;

/**
 * Stable error codes. The same code appears in problem+json bodies ({@code code}), in JMS
 * refusals and as the key of the user-facing message in the {@code Messages} bundles
 * ({@code error.<CODE>}), so the screens, the API and the logs all speak of the same thing.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    AMOUNT_REQUIRED(400),
    AMOUNT_NOT_POSITIVE(400),
    AMOUNT_SUB_FEN(400),
    AMOUNT_TOO_LARGE(400),
    CURRENCY_NOT_SUPPORTED(400),
    RESIDENT_ID_INVALID(400),
    CREDIT_CODE_INVALID(400),
    CUSTOMER_NAME_INVALID(400),
    ACCOUNT_NUMBER_INVALID(400),
    REQUEST_ID_INVALID(400),
    ACCOUNT_NOT_FOUND(404),
    ACCOUNT_NOT_ACTIVE(409),
    INSUFFICIENT_FUNDS(409),
    ACCOUNT_FROZEN(409),
    ACCOUNT_HAS_RESTRICTIONS(409),
    ACCOUNT_BALANCE_NOT_ZERO(409),
    RESTRICTION_INVALID(400),
    RESTRICTION_REFERENCE_REQUIRED(400),
    RESTRICTION_NOT_FOUND(404),
    RESTRICTION_ALREADY_RELEASED(409),
    TEXT_INVALID(400),
    TRANSFER_TO_SAME_ACCOUNT(400),
    CUSTOMER_ALREADY_EXISTS(409),
    CUSTOMER_NOT_FOUND(404),
    CUSTOMER_NOT_VERIFIED(409),
    IDENTITY_DETAILS_MISMATCH(400),
    PHONE_INVALID(400),
    SEARCH_QUERY_INVALID(400),
    ACCOUNT_TYPE_NOT_ALLOWED(400),
    ACCOUNT_TYPE_ONE_PER_CUSTOMER(409),
    ACCOUNT_EXPIRY_INVALID(400),
    ACCOUNT_EXPIRED(409),
    CASH_NOT_ALLOWED(409),
    CLASS_II_DAILY_LIMIT(409),
    CLASS_II_YEARLY_LIMIT(409),
    CLASS_III_BALANCE_CAP(409),
    VOUCHER_NOT_FOUND(404),
    CARD_NUMBER_INVALID(400),
    CARD_NOT_FOUND(404),
    CARD_NOT_USABLE(409),
    CARD_STATE_INVALID(409),
    CARD_NOT_ALLOWED(409),
    CARD_ALREADY_ISSUED(409),
    PIN_INVALID(400),
    STATEMENT_PERIOD_INVALID(400),
    ACCOUNT_NOT_DORMANT(409),
    VOUCHER_ALREADY_CONFIRMED(409),
    IDEMPOTENCY_KEY_REUSED(422),
    REQUEST_IN_PROGRESS(409),
    USER_NOT_FOUND(403),
    FORBIDDEN(403),
    JOURNAL_UNBALANCED(500),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Key of the message in the i18n bundles. */
    public String messageKey() {
        return "error." + name();
    }
}
