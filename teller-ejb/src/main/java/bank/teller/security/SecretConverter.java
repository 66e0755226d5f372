package bank.teller.security;

import bank.teller.shared.ServerKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps TOTP secrets encrypted at rest: AES-256-GCM with a key outside the database
 * ({@code teller.security.secret-key} or the data file {@code secrets.key}, see {@link ServerKeys}),
 * a fresh 96-bit nonce per value, stored as {@code v1:} + Base64(nonce + ciphertext + tag). A
 * value changed in the database fails authentication instead of yielding another secret. A value
 * without the prefix is read as written before encryption ({@link SecretsAtRest} encrypts those at
 * start-up). {@link AppUser} keeps its secrets as stored and decrypts one only when a code is checked.
 */
public class SecretConverter {

    static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    public String convertToDatabaseColumn(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    public String convertToEntityAttribute(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce);
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret does not decrypt: changed, or another key", e);
        }
    }

    private static Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(ServerKeys.key("teller.security.secret-key", "secrets.key"), "AES"),
                new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }
}
