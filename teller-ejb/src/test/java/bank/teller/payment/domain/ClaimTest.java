package bank.teller.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimTest {

    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

    private static Claim claim() {
        return new Claim("teller1", "r1", "出差", "0001010000000016", List.of(
                new ClaimLine(1, ClaimCategory.TRAVEL, Money.cny("100.00"), LocalDate.of(2026, 11, 1), null),
                new ClaimLine(2, ClaimCategory.OFFICE, Money.cny("20.50"), LocalDate.of(2026, 11, 2), "纸")), NOW);
    }

    @Test
    void aClaimGoesThroughItsStepsInOrderAndIsPaidOnce() {
        Claim claim = claim();
        assertEquals("120.50", claim.total().toPlainString());
        claim.submit(List.of("SUPERVISOR", "BRANCH_MANAGER"), NOW);
        assertEquals("SUPERVISOR", claim.currentRole());
        assertEquals(ErrorCode.CLAIM_NOT_EDITABLE, assertThrows(TellerException.class,
                () -> claim.revise("x", "0001010000000016", claim.lines(), NOW)).code());
        assertEquals(ErrorCode.CLAIM_NOT_APPROVED, assertThrows(TellerException.class,
                () -> claim.paid("teller1", "p1", NOW)).code());
        claim.approve(NOW);
        assertEquals("BRANCH_MANAGER", claim.currentRole());
        claim.approve(NOW);
        assertEquals(Claim.Status.APPROVED, claim.status());
        claim.paid("teller1", "p1", NOW);
        assertEquals(ErrorCode.CLAIM_PAID, assertThrows(TellerException.class, () -> claim.paid("teller1", "p2", NOW)).code());
    }

    @Test
    void aReturnedClaimIsMendedAndStartsOverFromTheFirstStep() {
        Claim claim = claim();
        claim.submit(List.of("SUPERVISOR", "BRANCH_MANAGER"), NOW);
        claim.approve(NOW);
        claim.returnToClaimant(NOW);
        assertEquals(ErrorCode.CLAIM_NOT_IN_APPROVAL, assertThrows(TellerException.class, claim::currentRole).code());
        claim.revise("出差（更正）", "0001010000000016", List.of(new ClaimLine(1, ClaimCategory.TRAVEL,
                Money.cny("90.00"), LocalDate.of(2026, 11, 1), null)), NOW);
        assertEquals("90.00", claim.total().toPlainString());
        claim.submit(List.of("SUPERVISOR"), NOW);
        assertEquals(1, claim.stepNo());
        assertEquals(ErrorCode.CLAIM_INVALID, assertThrows(TellerException.class,
                () -> new Claim("teller1", "r2", "空", "0001010000000016", List.of(), NOW)).code());
    }
}
