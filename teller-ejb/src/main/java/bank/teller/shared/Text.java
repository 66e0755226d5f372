package bank.teller.shared;

import java.util.Arrays;
import java.util.List;

/**
 * Free text as the counter takes it: stripped, at most a given length, no control characters.
 * A refusal names the field ({@link ErrorCode#TEXT_INVALID} with the limit and the field).
 */
public final class Text {

    private Text() {
    }

    /**
     * The constant of {@code choices} that {@code value} names (any case); refused otherwise with
     * VALIDATION_FAILED, naming the field and the choices.
     */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> choices) {
        for (E choice : choices.getEnumConstants()) {
            if (choice.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return choice;
            }
        }
        List<String> names = Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList();
        String allowed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new TellerException(ErrorCode.VALIDATION_FAILED, field, allowed);
    }

    /** The stripped text; refused when blank, too long or holding control characters. */
    public static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new TellerException(ErrorCode.TEXT_INVALID, max, field);
        }
        return text;
    }

    /** The stripped text, or null when blank; refused when too long or holding control characters. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new TellerException(ErrorCode.TEXT_INVALID, max, field);
        }
        return stripped;
    }

    /** At most {@code max} characters of {@code text} and an ellipsis when it was longer (for logs and reasons). */
    public static String abbreviated(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
