package bank.teller.customer.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), the identifier of a company or
 * other organisation: 18 characters from the 31-character set 0-9 and A-Y without I, O, S, V and Z;
 * the last is a MOD 31 check character over the first 17. A value that exists has been checked.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        value = value == null ? "" : value.trim().toUpperCase();
        if (value.length() != 18 || !value.chars().allMatch(c -> CHARACTERS.indexOf(c) >= 0)
                || value.charAt(17) != checkCharacter(value)) {
            throw new TellerException(ErrorCode.CREDIT_CODE_INVALID, value);
        }
    }

    /** The check character for the first 17 characters of {@code code}. */
    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
