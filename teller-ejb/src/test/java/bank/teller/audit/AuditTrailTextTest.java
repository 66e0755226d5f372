package bank.teller.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What an audit record stores of a caller's text: all of it that PostgreSQL can hold, within its column. */
class AuditTrailTextTest {

    @Test
    void nulIsShownAsItsSymbolAndTextIsCutToTheColumn() {
        assertEquals("a\u2400b", AuditTrail.cut("a\u0000b", 10));
        assertEquals("abc", AuditTrail.cut("abcdef", 3));
        assertEquals("\u2400", AuditTrail.cut("\u0000xyz", 1));
        assertNull(AuditTrail.cut(null, 5));
    }
}
