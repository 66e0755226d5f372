package bank.teller.account.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;

/**
 * A card PIN as the customer keys it: six digits, not all the same and not a straight run
 * (123456, 654321). It is hashed at once and never stored, logged or shown; {@link #toString}
 * hides it.
 */
public final class Pin {

    private final String digits;

    public Pin(String digits) {
        if (digits == null || !digits.matches("\\d{6}") || digits.chars().distinct().count() == 1
                || "0123456789".contains(digits) || "9876543210".contains(digits)) {
            throw new TellerException(ErrorCode.PIN_INVALID);
        }
        this.digits = digits;
    }

    /** The digits, for the hash function only. */
    public String digits() {
        return digits;
    }

    @Override
    public String toString() {
        return "******";
    }
}
