package bank.teller.account.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;

/**
 * A 16-digit account number: branch (4) + product (2) + serial (9) + a Luhn check digit, so a
 * mistyped digit or a swap of neighbours is caught before anything is looked up.
 */
public record AccountNumber(String value) {

    public AccountNumber {
        value = value == null ? "" : value.replace(" ", "").trim();
        if (!value.matches("\\d{16}") || luhnDigit(value.substring(0, 15)) != value.charAt(15)) {
            throw new TellerException(ErrorCode.ACCOUNT_NUMBER_INVALID, value);
        }
    }

    public static AccountNumber generate(String branchCode, String productCode, long serial) {
        if (!branchCode.matches("\\d{4}") || !productCode.matches("\\d{2}") || serial < 0
                || serial > 999_999_999L) {
            throw new IllegalArgumentException("cannot number " + branchCode + "/" + productCode + "/" + serial);
        }
        String body = branchCode + productCode + String.format("%09d", serial);
        return new AccountNumber(body + luhnDigit(body));
    }

    /** The Luhn check digit to append to {@code body}. */
    public static char luhnDigit(String body) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** As printed on a voucher: the first 4 and the last 4 digits. */
    public String masked() {
        return masked(value);
    }

    /** {@code number} as a voucher or a log shows it, whatever it holds: the first 4 and the last 4 characters. */
    public static String masked(String number) {
        return number == null || number.length() < 8 ? "****"
                : number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
