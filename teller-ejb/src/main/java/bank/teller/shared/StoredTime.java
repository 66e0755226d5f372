package bank.teller.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The present as the database stores it: microseconds (PostgreSQL and H2 timestamps), so a value
 * read back equals the value written and a replayed result equals the first one.
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
