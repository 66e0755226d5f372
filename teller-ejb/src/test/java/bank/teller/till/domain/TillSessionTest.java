package bank.teller.till.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TillSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private static TillSession session() {
        return new TillSession("0001", "001", "teller1", LocalDate.of(2026, 11, 27), Money.cny("1000.00"), NOW);
    }

    private static ErrorCode refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(TellerException.class, action).code();
    }

    @Test
    void aCountAddsUpEveryDenominationToTheFen() {
        CashCount count = CashCount.of(Map.of("100", 12, "50", 1, "20", 2, "10", 3, "5", 1, "1", 4, "0.5", 3, "0.1", 7));
        assertEquals(Money.cny("1331.20"), count.total());
        assertEquals("100x12 50x1 20x2 10x3 5x1 1x4 0.5x3 0.1x7", count.detail());
        assertEquals(Money.cny("0.00"), CashCount.of(Map.of()).total());
        assertEquals(Money.cny("0.60"), CashCount.of(Map.of("0.50", 1, "0.10", 1)).total(), "0.50 is the 0.5 note");
    }

    @Test
    void aCountOfAnUnknownDenominationOrANegativeNumberOfPiecesIsRefused() {
        assertEquals(ErrorCode.CASH_COUNT_INVALID, refusal(() -> CashCount.of(Map.of("2", 1))));
        assertEquals(ErrorCode.CASH_COUNT_INVALID, refusal(() -> CashCount.of(Map.of("100", -1))));
        assertEquals(ErrorCode.CASH_COUNT_INVALID, refusal(() -> CashCount.of(Map.of("abc", 1))));
        assertEquals(ErrorCode.CASH_COUNT_INVALID, refusal(() -> CashCount.of(Map.of("100", CashCount.MAX_PIECES + 1))));
    }

    @Test
    void aCountThatAgreesClosesTheTill() {
        TillSession session = session();
        assertEquals(Money.cny("0.00"), session.count(CashCount.of(Map.of("100", 15)), Money.cny("1500.00"), NOW));
        assertEquals(TillStatus.CLOSED, session.status());
        assertEquals(ErrorCode.TILL_NOT_OPEN, refusal(session::requireOpen));
    }

    @Test
    void aShortageWaitsForASupervisorWhoIsNotTheTeller() {
        TillSession session = session();
        assertEquals(Money.cny("-0.10"), session.count(CashCount.of(Map.of("100", 14, "50", 1, "20", 2, "5", 1, "1", 4,
                "0.5", 1, "0.1", 4)), Money.cny("1500.00"), NOW));
        assertEquals(TillStatus.PENDING_VARIANCE, session.status());
        assertEquals(ErrorCode.TILL_NOT_OPEN, refusal(session::requireOpen), "no postings while pending");
        assertEquals(ErrorCode.CHECKER_IS_MAKER, refusal(() -> session.varianceBooked("teller1", "短款", 1L, NOW)));
        session.varianceBooked("super1", "点钞差错，短款0.10元", 1L, NOW);
        assertEquals(TillStatus.CLOSED, session.status());
        assertEquals("super1", session.approvedBy());
        assertEquals(ErrorCode.TILL_NOT_PENDING, refusal(() -> session.varianceBooked("super2", "again", 2L, NOW)));
    }

    @Test
    void aRecountOpensTheTillAgainAndForgetsTheCount() {
        TillSession session = session();
        session.count(CashCount.of(Map.of("100", 16)), Money.cny("1500.00"), NOW);
        session.recount("super1", "请复点");
        assertEquals(TillStatus.OPEN, session.status());
        assertNull(session.countedCash());
        assertEquals(ErrorCode.TILL_NOT_PENDING, refusal(() -> session.recount("super1", "again")));
    }
}
