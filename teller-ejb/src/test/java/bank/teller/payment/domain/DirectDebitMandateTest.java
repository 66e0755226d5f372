package bank.teller.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectDebitMandateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static DirectDebitMandate mandate(LocalDate from, LocalDate expires) {
        return new DirectDebitMandate(1L, new DirectDebitMandate.Terms("M1", "0001010000000016", Money.cny("100.00"),
                Money.cny("250.00"), from, expires), "teller1", Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aDebitIsRefusedOverEitherLimitOrOutsideTheMandatesDatesOrOnceCancelled() {
        DirectDebitMandate mandate = mandate(TODAY.minusDays(10), TODAY);
        assertNull(mandate.refusal(Money.cny("100.00"), Money.cny("150.00"), TODAY), "exactly both limits");
        assertEquals("OVER_DEBIT_LIMIT", mandate.refusal(Money.cny("100.01"), Money.cny("0.00"), TODAY));
        assertEquals("OVER_MONTHLY_LIMIT", mandate.refusal(Money.cny("100.00"), Money.cny("150.01"), TODAY));
        assertEquals("MANDATE_EXPIRED", mandate.refusal(Money.cny("1.00"), Money.cny("0.00"), TODAY.plusDays(1)));
        assertEquals("MANDATE_EXPIRED", mandate(TODAY.plusDays(1), null).refusal(Money.cny("1.00"), Money.cny("0.00"),
                TODAY), "not yet in force");
        mandate.cancel("teller1", Instant.now());
        assertEquals("MANDATE_CANCELLED", mandate.refusal(Money.cny("1.00"), Money.cny("0.00"), TODAY));
        assertEquals(ErrorCode.MANDATE_INVALID, assertThrows(TellerException.class, () -> new DirectDebitMandate.Terms(
                "M2", "0001010000000016", Money.cny("100.00"), Money.cny("99.99"), TODAY, null)).code());
        assertEquals(ErrorCode.MANDATE_INVALID, assertThrows(TellerException.class, () -> new DirectDebitMandate.Terms(
                "M2", "0001010000000016", Money.cny("1.00"), Money.cny("1.00"), TODAY, TODAY.minusDays(1))).code());
    }

    @Test
    void aDebitFileIsReadRowByRow() {
        CsvLines.Parsed<DebitRequests.Debit> parsed = DebitRequests.parse("mandate_ref,amount\nM1,10.00\nM 2,1\nM3,\nM4\n");
        assertEquals(List.of(new DebitRequests.Debit(2, "M1", Money.cny("10.00"))), parsed.items());
        assertEquals(List.of("3 MANDATE_REF_INVALID", "4 AMOUNT_INVALID", "5 ROW_MALFORMED"),
                parsed.refused().stream().map(r -> r.line() + " " + r.code()).toList());
    }
}
