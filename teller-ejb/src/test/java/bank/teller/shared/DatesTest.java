package bank.teller.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void aDateIsReadAsYearMonthDayAndAnythingElseIsRefusedNamingTheField() {
        assertEquals(LocalDate.of(2028, 2, 29), Dates.required("from", " 2028-02-29 "));
        assertNull(Dates.optional("from", " "));
        assertNull(Dates.optional("from", null));
        for (String wrong : new String[]{"2027-02-29", "2027-2-1", "29/02/2028", "soon"}) {
            TellerException refused = assertThrows(TellerException.class, () -> Dates.optional("from", wrong));
            assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
            assertEquals(List.of("from", "a date as YYYY-MM-DD"), refused.args(), wrong);
        }
        TellerException missing = assertThrows(TellerException.class, () -> Dates.required("effectiveFrom", null));
        assertTrue(missing.args().contains("effectiveFrom"));
    }
}
