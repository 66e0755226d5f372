package bank.teller.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain: a record's hash is SHA-256 over the previous record's hash and the record's
 * canonical form (its fields in a fixed order, separated by a character no field contains, absent
 * fields marked as such). The first record of a chain follows {@link #GENESIS}.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';
    private static final String ABSENT = "\u0000";

    private AuditChain() {
    }

    public static String canonical(String chain, long seq, Instant occurredAt, String actor, String roles,
                                   String branchCode, String terminal, String action, String subject, String detail,
                                   String result) {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[]{chain, seq, occurredAt, actor, roles, branchCode, terminal, action, subject,
                detail, result}) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(field == null ? ABSENT : field.toString().replace(SEPARATOR, ' '));
        }
        return text.toString();
    }

    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
