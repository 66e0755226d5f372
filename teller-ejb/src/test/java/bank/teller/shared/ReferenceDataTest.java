package bank.teller.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private final ReferenceData data = new ReferenceData();
    private final AtomicInteger reads = new AtomicInteger();

    private String read(long version, String key) {
        return data.get(version, "fee rules", key, () -> key + "@" + version + "#" + reads.incrementAndGet());
    }

    @Test
    void whatWasReadForAVersionIsUsedAgainForThatVersion() {
        assertEquals("CASH_DEPOSIT@1#1", read(1, "CASH_DEPOSIT"));
        assertEquals("CASH_DEPOSIT@1#1", read(1, "CASH_DEPOSIT"));
        assertEquals("TRANSFER@1#2", read(1, "TRANSFER"), "another key is read");
        assertEquals(2, reads.get());
    }

    @Test
    void aNewerVersionDropsEverythingKept() {
        read(1, "CASH_DEPOSIT");
        assertEquals("CASH_DEPOSIT@2#2", read(2, "CASH_DEPOSIT"));
        assertEquals("CASH_DEPOSIT@2#2", read(2, "CASH_DEPOSIT"));
    }

    @Test
    void aTransactionThatSawAnOlderVersionReadsItsOwnAndKeepsNothing() {
        read(2, "CASH_DEPOSIT");
        assertEquals("CASH_DEPOSIT@1#2", read(1, "CASH_DEPOSIT"), "read, not the newer version's value");
        assertEquals("CASH_DEPOSIT@1#3", read(1, "CASH_DEPOSIT"), "and not kept");
        assertEquals("CASH_DEPOSIT@2#1", read(2, "CASH_DEPOSIT"), "the newer version's value is still there");
    }
}
