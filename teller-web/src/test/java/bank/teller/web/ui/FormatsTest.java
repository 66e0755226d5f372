package bank.teller.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void amountsGetThousandsSeparatorsAndTwoDecimalsWithoutRounding() {
        assertEquals("1,234,567.89", formats.amount("1234567.89"));
        assertEquals("0.10", formats.amount("0.1"));
        assertEquals("99,999,999,999,999,999.99", formats.amount("99999999999999999.99"));
        assertEquals("-5.00", formats.amount("-5"));
        assertEquals("", formats.amount(null));
    }

    @Test
    void timesAreShownInTheBranchZone() {
        assertEquals("2026-11-27 08:00:00", formats.time(Instant.parse("2026-11-27T00:00:00Z")));
    }
}
