package bank.teller.web;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-facing text of error codes, in the user's language (bundle bank.teller.web.messages). */
public final class ErrorMessages {

    public static final String BUNDLE = "bank.teller.web.messages";

    private ErrorMessages() {
    }

    public static String text(TellerException e, Locale locale) {
        return format(e.code().messageKey(), locale, e.args().toArray());
    }

    public static String text(ErrorCode code, Locale locale, Object... args) {
        return format(code.messageKey(), locale, args);
    }

    /** The text of an error code stored with its arguments (a migration's rejected row). */
    public static String text(String code, Locale locale, List<?> args) {
        return format(ErrorCode.valueOf(code).messageKey(), locale, args.toArray());
    }

    /** Whole numbers as they are typed (an entry 3805, never "3,805": it is an id, read and typed back). */
    private static Object[] plainIds(Object[] args) {
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof Long || plain[i] instanceof Integer) {
                plain[i] = plain[i].toString();
            }
        }
        return plain;
    }

    public static String format(String key, Locale locale, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        try {
            return new MessageFormat(bundle.getString(key), locale).format(plainIds(args));
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
