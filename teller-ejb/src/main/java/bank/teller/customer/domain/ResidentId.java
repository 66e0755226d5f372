package bank.teller.customer.domain;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A PRC resident identity card number (居民身份证号码, GB 11643-1999): 17 digits and an
 * ISO 7064 MOD 11-2 check character (0-9 or X). Digits 7-14 are the date of birth, the 17th is
 * odd for men and even for women. A value that exists has been checked.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ResidentId {
        if (value == null) {
            throw new TellerException(ErrorCode.RESIDENT_ID_INVALID, "");
        }
        value = value.trim().toUpperCase();
        if (!value.matches("\\d{17}[\\dX]") || value.charAt(17) != checkCharacter(value)) {
            throw new TellerException(ErrorCode.RESIDENT_ID_INVALID, maskedAnyway(value));
        }
        birthDate(value);
    }

    /** The check character for the first 17 digits of {@code id}. */
    static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    private static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new TellerException(ErrorCode.RESIDENT_ID_INVALID, maskedAnyway(id));
        }
    }

    /** Gender as the ID encodes it: the 17th digit is odd for men ("M") and even for women ("F"). */
    public String gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /**
     * As every answer, screen, voucher, statement and export shows it: the first and the last
     * character only. The 16 hidden hold the region and the birth date, so that nothing shown
     * anywhere with it (a name, a gender, a birthday the customer told someone) rebuilds the number;
     * the number in full is revealed to the teller who checks the document, and audited.
     */
    public String masked() {
        return maskedAnyway(value);
    }

    /**
     * What a refusal may repeat of a value that is not a valid number: masked like a valid one (its
     * first and last character) when it is long enough, else nothing of it: a refused number with a
     * typo is still someone's document number, in the API, on screens and in logs.
     */
    static String maskedAnyway(String value) {
        return value.length() < 14 ? "*".repeat(value.length())
                : value.charAt(0) + "*".repeat(value.length() - 2) + value.charAt(value.length() - 1);
    }

    @Override
    public String toString() {
        return masked();
    }
}
