package bank.teller.web.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WellFormedAddressTest {

    @Test
    void ordinaryValuesPassWhateverTheirScript() {
        for (String value : new String[]{"", "0001010000000016", "2026-11-29", "王小明", "李😀", "a b", "%00", "' OR 1=1 --",
                "x".repeat(WellFormedAddress.MAX_LENGTH)}) {
            assertNull(WellFormedAddress.wrongIn(value), value);
        }
    }

    @Test
    void controlCharactersBytesThatAreNotUtf8HalfCharactersAndLongValuesAreRefused() {
        for (String value : new String[]{"\u0000", "12\u0000", "a\nb", "\u007f", "\u0085", "\uFFFD", "\uD83D",
                "\uDE00x", "x\uD83D", "x".repeat(WellFormedAddress.MAX_LENGTH + 1)}) {
            assertNotNull(WellFormedAddress.wrongIn(value), value.codePoints().mapToObj(Integer::toHexString).toList()
                    .toString());
        }
    }
}
