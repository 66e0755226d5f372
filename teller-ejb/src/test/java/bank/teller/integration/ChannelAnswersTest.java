package bank.teller.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What makes a channel request the same request: its fingerprint, stable across versions of the message record. */
class ChannelAnswersTest {

    @Test
    void aTransfersFingerprintIsWhatItWasBeforeRequestsHadADateSoStoredAnswersStillMatchTheirRepeats() throws Exception {
        ChannelMessages.Request transfer = ChannelMessages.Request.transfer("mb-0002", "0001010000000016",
                "0001010000000024", "12.50", "CNY");
        String before = "Request[requestId=mb-0002, type=TRANSFER, accountNumber=null, payerAccountNumber=0001010000000016, "
                + "payeeAccountNumber=0001010000000024, amount=12.50, currency=CNY]";
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(before.getBytes(StandardCharsets.UTF_8))), ChannelAnswers.fingerprint(transfer));
    }

    @Test
    void aNoticesDateIsPartOfItsFingerprint() {
        assertNotEquals(ChannelAnswers.fingerprint(ChannelMessages.Request.notice("mb-0004", "0001050000000105",
                        "2026-12-07", "50000.00")),
                ChannelAnswers.fingerprint(ChannelMessages.Request.notice("mb-0004", "0001050000000105",
                        "2026-12-08", "50000.00")));
    }
}
