package bank.teller.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret keys the database must not hold (the audit seal's MAC key, the key that encrypts TOTP
 * secrets): a system property with the key in Base64 (32 bytes) — which {@code ./teller run} sets
 * from the server folder's Elytron credential store, decrypted by WildFly at boot — else (a server
 * started some other way) a key file made on first use in the server's data directory, readable by
 * the server's user only.
 */
public final class ServerKeys {

    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();

    private ServerKeys() {
    }

    /** The key named by system property {@code property}, or kept in data file {@code fileName}. */
    public static byte[] key(String property, String fileName) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Base64.getDecoder().decode(configured.strip());
        }
        return KEYS.computeIfAbsent(fileName, ServerKeys::fromFile).clone();
    }

    private static byte[] fromFile(String fileName) {
        Path file = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "teller", fileName);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system has no POSIX permissions: left to the operator
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("key file " + file, e);
        }
    }
}
