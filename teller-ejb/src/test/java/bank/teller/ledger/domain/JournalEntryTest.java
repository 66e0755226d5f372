package bank.teller.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void aCashDepositEntryBalancesAndKeepsItsLinesInOrder() {
        JournalEntry entry = entry(List.of(
                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, Money.cny("500.00")),
                PostingLine.customer(GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, "0001010000000017", Side.CREDIT,
                        Money.cny("500.00"), Money.cny("500.00"))));
        assertEquals(2, entry.lines().size());
        assertEquals(1, entry.lines().get(0).lineNo());
        assertEquals(Side.CREDIT, entry.lines().get(1).side());
        assertEquals(Money.cny("500.00"), entry.lines().get(1).balanceAfter());
    }

    @Test
    void anEntryWhoseDebitsAndCreditsDifferByOneFenIsRefused() {
        assertUnbalanced(List.of(
                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, Money.cny("100.00")),
                PostingLine.gl(GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, Side.CREDIT, Money.cny("99.99"))));
    }

    @Test
    void splitLinesBalanceWhenTheirSumsAgree() {
        JournalEntry entry = entry(List.of(
                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, Money.cny("100.00")),
                PostingLine.gl(GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, Side.CREDIT, Money.cny("99.50")),
                PostingLine.gl("6021", Side.CREDIT, Money.cny("0.50"))));
        assertEquals(3, entry.lines().size());
    }

    @Test
    void aSingleLineIsNotAnEntry() {
        assertUnbalanced(List.of(PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, Money.cny("1.00"))));
    }

    @Test
    void zeroAmountLinesAreRefused() {
        TellerException e = assertThrows(TellerException.class, () -> entry(List.of(
                PostingLine.gl(GlCodes.TILL_CASH, Side.DEBIT, Money.cny("0.00")),
                PostingLine.gl(GlCodes.INDIVIDUAL_DEMAND_DEPOSITS, Side.CREDIT, Money.cny("0.00")))));
        assertEquals(ErrorCode.AMOUNT_NOT_POSITIVE, e.code());
    }

    private static JournalEntry entry(List<PostingLine> lines) {
        return JournalEntry.balanced("TEST", DAY, "0001", "teller1", "req-00000001", Instant.EPOCH, lines);
    }

    private static void assertUnbalanced(List<PostingLine> lines) {
        TellerException e = assertThrows(TellerException.class, () -> entry(lines));
        assertEquals(ErrorCode.JOURNAL_UNBALANCED, e.code());
    }
}
