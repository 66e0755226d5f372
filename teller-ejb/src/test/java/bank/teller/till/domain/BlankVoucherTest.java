package bank.teller.till.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlankVoucherTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    private static BlankVoucher voucher() {
        return new BlankVoucher(new BlankVoucher.Key("0001", "CERTIFICATE", "00000001"), "super1", NOW);
    }

    private static ErrorCode refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(TellerException.class, action).code();
    }

    @Test
    void aNumberGoesFromTheVaultToOneTillAndIsUsedThereOnce() {
        BlankVoucher v = voucher();
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusal(() -> v.use("001", "存单", "teller1", NOW)),
                "not before it is issued to the till");
        v.issueTo("001", "super1", NOW);
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusal(() -> v.issueTo("002", "super1", NOW)));
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusal(() -> v.use("002", "存单", "teller2", NOW)),
                "another till cannot use it");
        v.use("001", "存单 0001010000000016", "teller1", NOW);
        assertEquals(BlankVoucher.USED, v.status());
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusal(() -> v.spoil("001", "错", "teller1", NOW)));
        assertEquals(ErrorCode.BLANK_VOUCHER_STATE_INVALID, refusal(() -> v.returnToVault("001", "teller1", NOW)));
    }

    @Test
    void anUnusedNumberGoesBackToTheVaultOrIsSpoiledWithItsReason() {
        BlankVoucher back = voucher();
        back.issueTo("001", "super1", NOW);
        back.returnToVault("001", "teller1", NOW);
        assertEquals(BlankVoucher.IN_VAULT, back.status());
        assertNull(back.tillCode());
        BlankVoucher spoiled = voucher();
        spoiled.issueTo("001", "super1", NOW);
        spoiled.spoil("001", "打印错位", "teller1", NOW);
        assertEquals(BlankVoucher.SPOILED, spoiled.status());
        assertEquals("打印错位", spoiled.note());
    }
}
