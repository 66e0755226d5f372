package bank.teller.approval.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final Set<String> TELLER = Set.of("TELLER");
    private static final Set<String> SUPERVISOR = Set.of("SUPERVISOR");

    private static final List<ApprovalPolicy> POLICIES = List.of(
            new ApprovalPolicy(1, "CASH_WITHDRAWAL", "TELLER", new BigDecimal("50000.00")),
            new ApprovalPolicy(2, "CASH_WITHDRAWAL", "TELLER", new BigDecimal("200000.00")),
            new ApprovalPolicy(4, "ACCOUNT_CLOSING", "TELLER", null),
            new ApprovalPolicy(5, "REVERSAL", "ANY", null));

    private static ErrorCode refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(TellerException.class, action).code();
    }

    @Test
    void aPolicyAppliesFromItsThresholdForTheMakersRole() {
        assertTrue(ApprovalPolicy.requiring(POLICIES, "CASH_WITHDRAWAL", TELLER, new BigDecimal("49999.99")).isEmpty());
        assertEquals(1L, ApprovalPolicy.requiring(POLICIES, "CASH_WITHDRAWAL", TELLER, new BigDecimal("50000.00"))
                .orElseThrow().id());
        assertEquals(1L, ApprovalPolicy.requiring(POLICIES, "CASH_WITHDRAWAL", TELLER, new BigDecimal("300000.00"))
                .orElseThrow().id(), "the lowest threshold that applies");
        assertTrue(ApprovalPolicy.requiring(POLICIES, "CASH_WITHDRAWAL", SUPERVISOR, new BigDecimal("300000.00"))
                .isEmpty(), "a supervisor's own cash is not checked by another");
        assertEquals(4L, ApprovalPolicy.requiring(POLICIES, "ACCOUNT_CLOSING", TELLER, null).orElseThrow().id());
        assertEquals(5L, ApprovalPolicy.requiring(POLICIES, "REVERSAL", SUPERVISOR, new BigDecimal("1.00"))
                .orElseThrow().id(), "ANY role");
        assertTrue(ApprovalPolicy.requiring(POLICIES, "TRANSFER", TELLER, new BigDecimal("1000000.00")).isEmpty());
    }

    private static ApprovalRequest request(LocalDate day) {
        return new ApprovalRequest("CASH_WITHDRAWAL", "ui-1", "0001|60000.00", new BigDecimal("60000.00"),
                "0001010000000016", "现金取款 60000.00", 1L, "teller1", "0001", day, NOW);
    }

    @Test
    void aRequestIsDecidedOnceByACheckerWhoIsNotTheMakerOnItsDay() {
        ApprovalRequest request = request(TODAY);
        assertEquals(ErrorCode.APPROVAL_REQUIRED, refusal(() -> request.requireGrants("CASH_WITHDRAWAL", "0001|60000.00",
                "teller1", TODAY)));
        assertEquals(ErrorCode.CHECKER_IS_MAKER, refusal(() -> request.approve("teller1", null, NOW, TODAY)));
        assertEquals(ErrorCode.APPROVAL_EXPIRED, refusal(() -> request.approve("super1", null, NOW, TODAY.plusDays(1))));
        request.approve("super1", "同意", NOW, TODAY);
        assertEquals(ErrorCode.APPROVAL_DECIDED, refusal(() -> request.reject("super2", null, NOW, TODAY)));
        assertDoesNotThrow(() -> request.requireGrants("CASH_WITHDRAWAL", "0001|60000.00", "teller1", TODAY));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, refusal(() -> request.requireGrants("CASH_WITHDRAWAL",
                "0001|70000.00", "teller1", TODAY)), "an approval covers only the request it was asked for");
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, refusal(() -> request.requireGrants("CASH_WITHDRAWAL",
                "0001|60000.00", "teller2", TODAY)), "and only for its maker");
        assertEquals(ErrorCode.APPROVAL_EXPIRED, refusal(() -> request.requireGrants("CASH_WITHDRAWAL", "0001|60000.00",
                "teller1", TODAY.plusDays(1))), "approvals end with the business day");
    }

    @Test
    void aRejectedRequestNeverRuns() {
        ApprovalRequest request = request(TODAY);
        request.reject("super1", "身份存疑", NOW, TODAY);
        assertEquals(ErrorCode.APPROVAL_REJECTED, refusal(() -> request.requireGrants("CASH_WITHDRAWAL",
                "0001|60000.00", "teller1", TODAY)));
    }
}
