package bank.teller.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WithSecretKey.class)
class SecretConverterTest {

    private static final String SECRET = "ORSWY3DFOIYSAZDFNVXSA5DPNNSW4LRO";
    private final SecretConverter converter = new SecretConverter();

    @Test
    void aSecretIsStoredEncryptedWithAFreshNonceAndReadBack() {
        String first = converter.convertToDatabaseColumn(SECRET);
        String second = converter.convertToDatabaseColumn(SECRET);
        assertTrue(first.startsWith("v1:") && !first.contains(SECRET), first);
        assertNotEquals(first, second, "a fresh nonce each time");
        assertEquals(SECRET, converter.convertToEntityAttribute(first));
        assertEquals(SECRET, converter.convertToEntityAttribute(second));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    @Test
    void aChangedValueFailsInsteadOfYieldingAnotherSecret() {
        String stored = converter.convertToDatabaseColumn(SECRET);
        char last = stored.charAt(stored.length() - 3);
        String changed = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A') + stored.substring(stored.length() - 2);
        assertThrows(IllegalStateException.class, () -> converter.convertToEntityAttribute(changed));
    }

    @Test
    void aValueWrittenBeforeEncryptionIsReadAsItIs() {
        assertEquals(SECRET, converter.convertToEntityAttribute(SECRET));
    }
}
