package bank.teller.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 secret, "12345678901234567890". */
    private static final String RFC_SECRET = new Base32().encodeToString(
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII)).replace("=", "");

    @Test
    void codesAreTheRfcTestVectorsLastSixDigits() {
        // RFC 6238 appendix B, SHA1: 94287082 at 59 s, 07081804 at 1111111109 s, 14050471 at 1111111111 s
        assertEquals("287082", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111))));
    }

    @Test
    void aCodeIsGoodOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        for (long s = step - 1; s <= step + 1; s++) {
            assertEquals(OptionalLong.of(s), Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, s), now, 0), "step " + s);
        }
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, 0).isEmpty());
    }

    @Test
    void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SECRET, step);
        assertTrue(Totp.verify(RFC_SECRET, code, now, step).isEmpty(), "replay of the same code");
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step).isEmpty(), "an earlier code");
        assertEquals(OptionalLong.of(step + 1), Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, step));
    }

    @Test
    void malformedCodesAndMissingSecretsAreRefused() {
        Instant now = Instant.now();
        for (String code : new String[]{null, "", "12345", "1234567", "12a456", " 123456", "１２３４５６"}) {
            assertTrue(Totp.verify(RFC_SECRET, code, now, 0).isEmpty(), String.valueOf(code));
        }
        assertTrue(Totp.verify(null, "123456", now, 0).isEmpty());
    }

    @Test
    void newSecretsAreRandomBase32OfOneHundredSixtyBits() {
        String a = Totp.newSecret();
        assertEquals(32, a.length());
        assertTrue(a.matches("[A-Z2-7]{32}"), a);
        assertTrue(!a.equals(Totp.newSecret()));
    }

    @Test
    void theEnrolmentUriIsWhatAuthenticatorAppsRead() {
        assertEquals("otpauth://totp/Teller:teller%20one?secret=ABC&issuer=Teller&algorithm=SHA1&digits=6&period=30",
                Totp.uri("Teller", "teller one", "ABC"));
    }
}
