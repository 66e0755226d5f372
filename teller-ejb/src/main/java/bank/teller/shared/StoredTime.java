package bank.teller.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    /** A TIMESTAMP column read by a native query, as {@link InstantConverter} stored it (UTC). */
    public static Instant instant(Object column) {
        if (column instanceof Timestamp timestamp) {
            return new InstantConverter().convertToEntityAttribute(timestamp);
        }
        if (column instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + column);
    }
}
