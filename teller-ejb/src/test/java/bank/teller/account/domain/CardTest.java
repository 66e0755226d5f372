package bank.teller.account.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final AccountNumber ACCOUNT = AccountNumber.generate("0001", "01", 7);

    private static Card card(long seed) {
        return new Card(CardNumber.random("623456", 19, new Random(seed)), ACCOUNT, TODAY, "teller1", NOW);
    }

    private static ErrorCode refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(TellerException.class, action).code();
    }

    @Test
    void cardNumbersCarryTheBinAndALuhnDigitAndAreShownMasked() {
        CardNumber pan = CardNumber.random("623456", 19, new Random(42));
        assertTrue(pan.value().startsWith("623456"), "the BIN first");
        assertEquals(19, pan.value().length());
        assertEquals(pan, new CardNumber(pan.value()));
        assertEquals("623456*********" + pan.value().substring(15), pan.masked());
        assertEquals(pan.masked(), pan.toString(), "never printed in full by accident");
        assertEquals(16, CardNumber.random("62345678", 16, new Random(1)).value().length());
        String wrong = pan.value().substring(0, 18) + (char) ('0' + (pan.value().charAt(18) - '0' + 1) % 10);
        assertEquals(ErrorCode.CARD_NUMBER_INVALID, refusal(() -> new CardNumber(wrong)));
        assertEquals(ErrorCode.CARD_NUMBER_INVALID, refusal(() -> new CardNumber("12345")));
        // a well-known test PAN passes the Luhn check
        assertDoesNotThrow(() -> new CardNumber("4111111111111111"));
    }

    @Test
    void cardNumbersAreDrawnAtRandomSoThatOneCardsMaskTellsNothingOfAnother() {
        Random random = new Random(7);
        Set<String> numbers = new HashSet<>();
        Set<String> lastFour = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            CardNumber pan = CardNumber.random("623456", 19, random);
            assertEquals(pan, new CardNumber(pan.value()), "a valid number: length and check digit");
            numbers.add(pan.value());
            lastFour.add(pan.value().substring(15));
        }
        assertEquals(1_000, numbers.size());
        assertTrue(lastFour.size() > 900, "the visible digits spread over their range: " + lastFour.size());
    }

    @Test
    void onlyTheBanksBinAndLengthAreTakenForACardNumber() {
        CardProduct product = new CardProduct("623456", 19);
        assertTrue(product.isCardNumber("6234 5600 0000 0000 042"));
        assertFalse(product.isCardNumber(ACCOUNT.value()), "an account number is not a card");
        assertFalse(product.isCardNumber("6234560000000000"), "wrong length");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "12345", "1234567", "12345a", "111111", "123456", "654321", "456789"})
    void aWeakOrMalformedPinIsRefused(String pin) {
        assertEquals(ErrorCode.PIN_INVALID, refusal(() -> new Pin(pin)));
    }

    @Test
    void aPinNeverShowsItself() {
        Pin pin = new Pin("802413");
        assertEquals("******", pin.toString());
        TellerException e = assertThrows(TellerException.class, () -> new Pin("111111"));
        assertTrue(e.args().isEmpty(), "the refusal does not repeat the PIN");
    }

    @Test
    void aCardIsUsableOnlyOnceActivatedAndUntilItIsReportedLost() {
        Card card = card(1);
        assertEquals(LocalDate.of(2031, 11, 30), card.expiresOn(), "the end of the month, five years on");
        assertEquals(ErrorCode.CARD_NOT_USABLE, refusal(() -> card.requireUsable(TODAY)));
        card.activate("$2a$10$hash", "teller1", NOW);
        assertDoesNotThrow(() -> card.requireUsable(TODAY));
        assertEquals(ErrorCode.CARD_NOT_USABLE, refusal(() -> card.requireUsable(LocalDate.of(2031, 12, 1))), "expired");
        assertEquals(ErrorCode.CARD_STATE_INVALID, refusal(() -> card.activate("$2a$10$other", "teller1", NOW)));
        card.reportLost("teller1", NOW);
        assertEquals(ErrorCode.CARD_NOT_USABLE, refusal(() -> card.requireUsable(TODAY)));
        Card next = card(2);
        card.replacedBy(next.number(), "teller1", NOW);
        assertEquals(CardStatus.BLOCKED, card.status());
        assertEquals(next.number(), card.replacedByNumber());
        assertEquals(ErrorCode.CARD_STATE_INVALID, refusal(() -> card.reportLost("teller1", NOW)));
        assertEquals(ErrorCode.CARD_STATE_INVALID, refusal(() -> card.cancel("teller1", NOW)));
        next.cancel("teller1", NOW);
        assertEquals(ErrorCode.CARD_STATE_INVALID, refusal(() -> next.replacedBy(card(3).number(), "teller1", NOW)));
    }
}
