package bank.teller.customer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L"})
    void publishedCodesAreValid(String code) {
        assertEquals(code, new UnifiedSocialCreditCode(code).value());
    }

    @Test
    void lowerCaseAndSurroundingSpacesAreNormalised() {
        assertEquals("91110000600037341L", new UnifiedSocialCreditCode(" 91110000600037341l ").value());
    }

    @Test
    void everyOtherCheckCharacterIsRefused() {
        for (char c : "0123456789ABCDEFGHJKMNPQRTUWXY".toCharArray()) {
            if (c != 'L') {
                assertRefused("91110000600037341" + c);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91110000600037341", "91110000600037341LL", "9111000060003734IL", "91110000600O37341L",
            "91310000MA1FL4LF1T"})
    void malformedCodesAreRefused(String code) {
        assertRefused(code);
    }

    @Test
    void nullIsRefused() {
        assertRefused(null);
    }

    private static void assertRefused(String code) {
        TellerException e = assertThrows(TellerException.class, () -> new UnifiedSocialCreditCode(code));
        assertEquals(ErrorCode.CREDIT_CODE_INVALID, e.code());
    }
}
