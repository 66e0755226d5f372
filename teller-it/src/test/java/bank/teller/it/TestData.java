package bank.teller.it;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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
        // sequence 999 is the verification simulator's "not found"
        return residentId("110105", birth, random.nextInt(999));
    }

    /** The resident ID of {@code region}, {@code birth} and {@code sequence} (0-998), its check character added. */
    public static String residentId(String region, LocalDate birth, int sequence) {
        String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
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

    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A random unified social credit code with a correct check character. */
    public static String creditCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder code = new StringBuilder("91110105");
        while (code.length() < 17) {
            code.append(CREDIT_CODE_CHARACTERS.charAt(random.nextInt(CREDIT_CODE_CHARACTERS.length())));
        }
        if (code.substring(14, 17).equals("999")) {
            code.setCharAt(16, '8'); // the verification simulator does not know ...999 numbers
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARACTERS.indexOf(code.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        return code.append(CREDIT_CODE_CHARACTERS.charAt((31 - sum % 31) % 31)).toString();
    }

    /**
     * An API path template of the OpenAPI document ({@code /v1/accounts/{number}/holds}) with its
     * parameters filled in: {@code account} for an account number, harmless values for the rest.
     */
    public static String path(String template, String account) {
        Map<String, String> values = Map.ofEntries(Map.entry("{number}", account), Map.entry("{id}", "0"),
                Map.entry("{keyId}", "abcdef012345"), Map.entry("{username}", "nobody-here"),
                Map.entry("{messageId}", "ID:00000000-0000-0000-0000-000000000000"), Map.entry("{entryId}", "0"),
                Map.entry("{year}", "2099"), Map.entry("{date}", "2099-01-05"), Map.entry("{code}", "9999"),
                Map.entry("{execution}", "0"), Map.entry("{reference}", "W20990101000000000"),
                Map.entry("{clearingRef}", "CNIN209901010000000000"), Map.entry("{billRef}", "NO-SUCH-BILL"),
                Map.entry("{mandateRef}", "NO-SUCH-MANDATE"), Map.entry("{claimNo}", "R209901010000000"),
                Map.entry("{key}", "no-such-request"), Map.entry("{file}", "customers"),
                Map.entry("{report}", "FEE_INCOME"));
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        return path;
    }

    public static String requestId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The SHA-256 of a secret in hex, as Teller stores API keys' and broker accounts' secrets. */
    public static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
