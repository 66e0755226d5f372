package bank.teller.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IncomingWireTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final IncomingWire.Arrival ARRIVAL = new IncomingWire.Arrival("CNIN1", "李四", "6217000010001234",
            "105100000017", "张三", "0001010000000016", Money.cny("100.00"), "货款");

    @Test
    void aNameMatchesAsAClerkWouldReadItAndNotOtherwise() {
        assertTrue(IncomingWire.sameName("张 三", "张三"));
        assertTrue(IncomingWire.sameName("张　三", "张三"), "a full-width space");
        assertTrue(IncomingWire.sameName("ＡＢＣ贸易有限公司", "abc贸易有限公司"), "full-width letters, any case");
        assertTrue(IncomingWire.sameName("北京（海淀）科技", "北京(海淀)科技"), "full-width brackets");
        assertFalse(IncomingWire.sameName("张三丰", "张三"));
        assertFalse(IncomingWire.sameName(null, "张三"));
    }

    @Test
    void aWireHeldInSuspenseIsDecidedOnceAndItsReplayKnown() {
        IncomingWire held = IncomingWire.suspended(ARRIVAL, SuspenseReason.ACCOUNT_CLOSED, "closed",
                LocalDate.of(2026, 11, 30), "0001", 1L, NOW);
        assertFalse(held.decidedBy("super1", "r1"));
        held.applied("0001010000000024", 2L, "super1", "r1", "客户确认", NOW);
        assertEquals(IncomingWireStatus.APPLIED, held.status());
        assertEquals("0001010000000024", held.creditedAccount());
        assertTrue(held.decidedBy("super1", "r1"), "the same request again: a replay");
        assertEquals(ErrorCode.INCOMING_WIRE_NOT_SUSPENDED,
                assertThrows(TellerException.class, () -> held.decidedBy("super1", "r2")).code());
        assertEquals(ErrorCode.INCOMING_WIRE_NOT_SUSPENDED, assertThrows(TellerException.class,
                () -> held.returned(3L, "super1", "r2", "again", NOW)).code());
    }

    @Test
    void aWireCreditedAtOnceCannotBeDecided() {
        IncomingWire credited = IncomingWire.credited(ARRIVAL, "0001010000000016", LocalDate.of(2026, 11, 30), "0001",
                1L, NOW);
        assertEquals(ErrorCode.INCOMING_WIRE_NOT_SUSPENDED,
                assertThrows(TellerException.class, () -> credited.decidedBy("super1", "r1")).code());
    }
}
