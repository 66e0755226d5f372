package bank.teller.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates as the API and the screens take them: {@code yyyy-MM-dd}. */
public final class Dates {

    private Dates() {
    }

    /** The date {@code text} writes; refused (VALIDATION_FAILED naming {@code field}) when absent or not a date. */
    public static LocalDate required(String field, String text) {
        LocalDate date = optional(field, text);
        if (date == null) {
            throw refused(field);
        }
        return date;
    }

    /** The date {@code text} writes, or null when it is absent or blank; refused when it is not a date. */
    public static LocalDate optional(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw refused(field);
        }
    }

    private static TellerException refused(String field) {
        return new TellerException(ErrorCode.VALIDATION_FAILED, field, "a date as YYYY-MM-DD");
    }
}
