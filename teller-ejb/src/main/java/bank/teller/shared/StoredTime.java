package bank.teller.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /**
     * A TIMESTAMP WITH TIME ZONE column as the driver reads it (through {@link InstantConverter} or a
     * native query): PostgreSQL's driver gives a {@link Timestamp}, H2's an {@link OffsetDateTime};
     * both are the moment stored.
     */
    public static Instant instant(Object column) {
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + column);
    }
}
