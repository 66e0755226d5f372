package bank.teller.fee.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bank.teller.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static FeeRule fixed(long id, String tx, String customerType, String channel, String amount) {
        return new FeeRule(id, tx, customerType, channel, FeeMethod.FIXED, d(amount), null, null, null, List.of(),
                LocalDate.of(2000, 1, 1), null);
    }

    private static final FeeRule PERCENT = new FeeRule(2, "CASH_WITHDRAWAL", "CORPORATE", "COUNTER", FeeMethod.PERCENT,
            null, d("0.000500"), d("2.00"), d("100.00"), List.of(), LocalDate.of(2000, 1, 1), null);

    private static final FeeRule TIERED = new FeeRule(1, "TRANSFER", "CORPORATE", "COUNTER", FeeMethod.TIERED,
            null, null, null, null, List.of(new FeeTier(2, d("100000.00"), d("10.00")), new FeeTier(1, d("10000.00"), d("5.00")),
            new FeeTier(3, null, d("50.00"))), LocalDate.of(2000, 1, 1), null);

    @ParameterizedTest
    @CsvSource({
            "100.00, 2.00",        // 0.05 -> minimum 2
            "4000.00, 2.00",       // exactly the minimum
            "5000.00, 2.50",
            "12345.67, 6.17",      // 6.172835
            "12330.00, 6.17",      // 6.165: half-up (half-even would give 6.16)
            "200000.00, 100.00",   // exactly the maximum
            "999999.99, 100.00"})  // capped
    void aPercentFeeIsRoundedHalfUpToTheFenWithinItsMinimumAndMaximum(String amount, String fee) {
        assertEquals(Money.cny(fee), PERCENT.feeFor(Money.cny(amount)));
    }

    @ParameterizedTest
    @CsvSource({"0.01, 5.00", "10000.00, 5.00", "10000.01, 10.00", "100000.00, 10.00", "100000.01, 50.00",
            "99999999.99, 50.00"})
    void aTieredFeeIsTheFeeOfTheFirstTierCoveringTheAmount(String amount, String fee) {
        assertEquals(Money.cny(fee), TIERED.feeFor(Money.cny(amount)));
    }

    @Test
    void aFixedFeeIgnoresTheAmount() {
        assertEquals(Money.cny("10.00"), fixed(3, "CARD_REPLACEMENT", "ANY", "ANY", "10.00").feeFor(Money.cny("1.00")));
    }

    @Test
    void theMostSpecificRuleInForceApplies() {
        FeeRule anyone = fixed(10, "TRANSFER", "ANY", "ANY", "1.00");
        FeeRule online = fixed(11, "TRANSFER", "ANY", "ONLINE", "0.00");
        FeeRule corporate = fixed(12, "TRANSFER", "CORPORATE", "ANY", "3.00");
        FeeRule corporateCounter = fixed(13, "TRANSFER", "CORPORATE", "COUNTER", "5.00");
        List<FeeRule> rules = List.of(anyone, online, corporate, corporateCounter, PERCENT);
        assertEquals(corporateCounter, FeeRule.select(rules, "TRANSFER", "CORPORATE", null, "COUNTER", TODAY));
        assertEquals(corporate, FeeRule.select(rules, "TRANSFER", "CORPORATE", null, "ONLINE", TODAY),
                "the customer type counts more than the channel");
        assertEquals(online, FeeRule.select(rules, "TRANSFER", "INDIVIDUAL", null, "ONLINE", TODAY));
        assertEquals(anyone, FeeRule.select(rules, "TRANSFER", "INDIVIDUAL", null, "COUNTER", TODAY));
        assertNull(FeeRule.select(rules, "CASH_DEPOSIT", "INDIVIDUAL", null, "COUNTER", TODAY), "no rule: free");
    }

    @Test
    void aRuleOutsideItsValidityDoesNotApply() {
        FeeRule expired = new FeeRule(20, "TRANSFER", "ANY", "ANY", FeeMethod.FIXED, d("1.00"), null, null, null,
                List.of(), LocalDate.of(2020, 1, 1), TODAY.minusDays(1));
        FeeRule future = new FeeRule(21, "TRANSFER", "ANY", "ANY", FeeMethod.FIXED, d("2.00"), null, null, null,
                List.of(), TODAY.plusDays(1), null);
        FeeRule lastDay = new FeeRule(22, "TRANSFER", "ANY", "ANY", FeeMethod.FIXED, d("3.00"), null, null, null,
                List.of(), TODAY.minusDays(1), TODAY);
        assertNull(FeeRule.select(List.of(expired, future), "TRANSFER", "ANY", null, "COUNTER", TODAY));
        assertEquals(lastDay, FeeRule.select(List.of(expired, future, lastDay), "TRANSFER", "INDIVIDUAL", null, "COUNTER", TODAY));
    }

    @Test
    void aRuleForTheAccountTypeComesFirstAndAChangeEndsTheRuleBeforeIt() {
        FeeRule corporate = fixed(30, "TRANSFER", "CORPORATE", "ANY", "5.00");
        FeeRule basic = FeeRule.scheduled(31, new FeeRule.Terms("TRANSFER", "ANY", "CORPORATE_BASIC", "ANY",
                FeeMethod.FIXED, d("2.00"), null, null, null, List.of(), "基本户", "basic"), TODAY.minusDays(5), "admin1",
                java.time.Instant.now());
        assertEquals(basic, FeeRule.select(List.of(corporate, basic), "TRANSFER", "CORPORATE", "CORPORATE_BASIC",
                "COUNTER", TODAY), "the customer class counts most");
        assertEquals(corporate, FeeRule.select(List.of(corporate, basic), "TRANSFER", "CORPORATE", "CORPORATE_GENERAL",
                "COUNTER", TODAY));

        assertEquals(bank.teller.shared.ErrorCode.FEE_RULE_HISTORY, org.junit.jupiter.api.Assertions.assertThrows(
                bank.teller.shared.TellerException.class, () -> basic.endBefore(TODAY, TODAY)).code(),
                "a change from today would rewrite today");
        basic.endBefore(TODAY.plusDays(1), TODAY);
        assertEquals(TODAY, basic.validTo(), "it ends the day before the rule that replaces it");
        assertEquals(basic, FeeRule.select(List.of(basic), "TRANSFER", "ANY", "CORPORATE_BASIC", "COUNTER", TODAY));
        assertNull(FeeRule.select(List.of(basic), "TRANSFER", "ANY", "CORPORATE_BASIC", "COUNTER", TODAY.plusDays(1)));
    }

    @Test
    void aWaiverFreesAlwaysOrTheFirstOfAMonth() {
        FeeWaiver online = new FeeWaiver(1, "WIRE_TRANSFER", null, "ONLINE", null, TODAY.minusYears(1), null);
        FeeWaiver basic = new FeeWaiver(2, "TRANSFER", "CORPORATE_BASIC", "ANY", 5, TODAY.minusYears(1), null);
        assertEquals(online, FeeWaiver.select(List.of(online, basic), "WIRE_TRANSFER", "INDIVIDUAL_I", "ONLINE", TODAY));
        assertNull(FeeWaiver.select(List.of(online, basic), "WIRE_TRANSFER", "INDIVIDUAL_I", "COUNTER", TODAY));
        assertEquals(basic, FeeWaiver.select(List.of(online, basic), "TRANSFER", "CORPORATE_BASIC", "COUNTER", TODAY));
        assertNull(FeeWaiver.select(List.of(online, basic), "TRANSFER", "CORPORATE_GENERAL", "COUNTER", TODAY));
        org.junit.jupiter.api.Assertions.assertTrue(basic.frees(4));
        org.junit.jupiter.api.Assertions.assertFalse(basic.frees(5), "the sixth of the month pays");
        org.junit.jupiter.api.Assertions.assertTrue(online.frees(1000));
    }
}
