package bank.clearing.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClearingRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);
    private final ClearingRules rules = new ClearingRules(1000, 0, () -> 0, CLOCK);

    @Test
    void aWireIsAcceptedAtOnceAndSettledAMomentLater() {
        assertEquals(List.of(new ClearingRules.Answer("ACCEPTED", 0, null), new ClearingRules.Answer("SETTLED", 1000, null)),
                rules.answers("102100099996", "6222020200001234"));
    }

    @Test
    void aBankTheDirectoryLacksIsRejectedAndThePayeeAccountDecidesTheMisbehaviour() {
        assertEquals(List.of("REJECTED"), statuses("310290000013", "6222020200001234"));
        assertEquals(List.of("ACCEPTED", "SETTLED", "RETURNED"), statuses("102100099996", "6222020200004040"));
        assertEquals(List.of("ACCEPTED", "SETTLED", "RETURNED"), statuses("102100099996", "6222020200004041"));
        assertEquals(List.of(), statuses("102100099996", "6222020200009999"));
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "SETTLED", "SETTLED"), statuses("102100099996", "6222020200002222"));
        assertEquals(List.of("SETTLED"), statuses("102100099996", "6222020200003333"));
        assertEquals(List.of("ACCEPTED", "SETTLED", "REJECTED"), statuses("102100099996", "6222020200006666"));
    }

    @Test
    void chaosSendsAnswersTwice() {
        List<ClearingRules.Answer> sent = new ClearingRules(1000, 500, () -> 100, CLOCK).answers("102100099996", "123456");
        assertEquals(4, sent.size());
        assertTrue(new ClearingRules(1000, 500, () -> 900, CLOCK).answers("102100099996", "123456").size() == 2);
    }

    @Test
    void aWireInComesOnceOrTwiceTheSecondCopyLateAndHasADatedReference() {
        assertEquals(List.of(0L), rules.incomingDeliveries(false));
        assertEquals(List.of(0L, 2000L), rules.incomingDeliveries(true));
        assertEquals(List.of(0L, 2000L), new ClearingRules(1000, 500, () -> 100, CLOCK).incomingDeliveries(false),
                "chaos duplicates a wire in too");
        assertTrue(rules.incomingRef(42).matches("CNIN[0-9]{8}0000000042"), rules.incomingRef(42));
    }

    private List<String> statuses(String bank, String account) {
        return rules.answers(bank, account).stream().map(ClearingRules.Answer::status).toList();
    }
}
