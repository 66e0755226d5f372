package bank.teller.customer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    @Test
    void aPublishedSampleWithCheckCharacterXIsValid() {
        ResidentId id = new ResidentId("11010519491231002X");
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
    }

    @Test
    void lowerCaseXIsAcceptedAndNormalised() {
        assertEquals("11010519491231002X", new ResidentId("11010519491231002x").value());
    }

    @Test
    void everyWrongCheckCharacterIsRefused() {
        String body = "11010519491231002";
        for (char c : "0123456789".toCharArray()) {
            assertRefused(body + c);
        }
    }

    @Test
    void aRefusalNeverRepeatsTheNumberInFull() {
        for (String refused : new String[]{"110105194912310021", "110105194913310028", "1101051949123100", "11010519"}) {
            TellerException e = assertThrows(TellerException.class, () -> new ResidentId(refused));
            assertEquals(ErrorCode.RESIDENT_ID_INVALID, e.code());
            String said = e.getMessage() + " " + e.args();
            assertFalse(said.contains(refused), said);
            assertFalse(said.contains(refused.substring(6, Math.min(14, refused.length()))), "the birth date digits: " + said);
        }
        assertEquals("1****************1", ResidentId.maskedAnyway("110105194912310021"));
    }

    @Test
    void checkCharacterFollowsIso7064Mod112() {
        assertEquals('X', ResidentId.checkCharacter("11010519491231002"));
        assertEquals('4', ResidentId.checkCharacter("44052418800101001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "11010519491231002XX", "1101051949123100AX",
            "110105194902300026", "<script>alert(1)</script>"})
    void malformedOrImpossibleNumbersAreRefused(String value) {
        assertRefused(value);
    }

    @Test
    void nullIsRefused() {
        assertRefused(null);
    }

    @Test
    void maskedShowsTheFirstAndTheLastCharacterAloneSoThatNeitherRegionNorBirthDateShows() {
        assertEquals("1****************X", new ResidentId("11010519491231002X").masked());
    }

    private static void assertRefused(String value) {
        TellerException e = assertThrows(TellerException.class, () -> new ResidentId(value));
        assertEquals(ErrorCode.RESIDENT_ID_INVALID, e.code());
    }
}
