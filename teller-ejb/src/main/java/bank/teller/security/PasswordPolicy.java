package bank.teller.security;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: long enough, with letters, digits and symbols, not the username,
 * and neither a common password nor one dressed up (P@ssw0rd2024! is "password" with decoration).
 * Whether it was used before is the history's question ({@link SignIn}).
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON = load();
    /** Shortest word of the common list worth recognising inside a decorated password. */
    private static final int MIN_BASE_WORD = 5;

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** Refuses {@code candidate} with the specific rule it breaks. */
    public void check(String candidate, String username) {
        if (candidate == null || candidate.length() < minLength) {
            throw new TellerException(ErrorCode.PASSWORD_TOO_SHORT, minLength);
        }
        if (candidate.length() > 128 || candidate.chars().anyMatch(Character::isISOControl)) {
            throw new TellerException(ErrorCode.PASSWORD_TOO_SIMPLE);
        }
        boolean letter = candidate.chars().anyMatch(Character::isLetter);
        boolean digit = candidate.chars().anyMatch(Character::isDigit);
        boolean symbol = candidate.chars().anyMatch(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c));
        if (!letter || !digit || !symbol) {
            throw new TellerException(ErrorCode.PASSWORD_TOO_SIMPLE);
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new TellerException(ErrorCode.PASSWORD_COMMON);
        }
        if (isCommon(lower)) {
            throw new TellerException(ErrorCode.PASSWORD_COMMON);
        }
    }

    /** Whether the password, or its word once leetspeak and surrounding digits and symbols are undone, is common. */
    static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        String word = undecorate(lower);
        return word.length() >= MIN_BASE_WORD && COMMON.contains(word);
    }

    /** The word inside: digits and symbols before and after cut off, leetspeak in between undone. */
    static String undecorate(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        StringBuilder plain = new StringBuilder(end - start);
        for (char c : lower.substring(start, end).toCharArray()) {
            plain.append(switch (c) {
                case '@', '4' -> 'a';
                case '3' -> 'e';
                case '1', '!' -> 'i';
                case '0' -> 'o';
                case '$', '5' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return plain.toString();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
