package bank.teller.it;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid test data, so tests never collide with each other or with earlier runs. */
public final class TestData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private TestData() {
    }

    /** A random resident ID with a correct ISO 7064 MOD 11-2 check character. */
    public static String residentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
        String body = "110105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    /** The same body with a wrong check character. */
    public static String residentIdWithWrongCheckDigit() {
        String good = residentId();
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        return good.substring(0, 17) + wrong;
    }

    public static String requestId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
