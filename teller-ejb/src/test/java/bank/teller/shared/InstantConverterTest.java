package bank.teller.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final TimeZone jvmZone = TimeZone.getDefault();
    private final InstantConverter converter = new InstantConverter();

    @AfterEach
    void restoreTheZone() {
        TimeZone.setDefault(jvmZone);
    }

    /** 02:30 UTC on the day New York springs forward: as a New York wall-clock time it does not exist. */
    @Test
    void anInstantInTheDaylightSavingGapOfTheJvmsZoneIsStoredAsItIs() {
        Instant gap = Instant.parse("2026-03-08T02:30:00.123456Z");
        for (String zone : new String[]{"America/New_York", "Asia/Shanghai", "UTC"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            Object stored = converter.convertToDatabaseColumn(gap);
            assertEquals(gap, ((Timestamp) stored).toInstant(), zone);
            assertEquals(gap, converter.convertToEntityAttribute(stored), zone);
        }
    }

    @Test
    void whatOneZoneWroteAnotherReadsAsTheSameMoment() {
        Instant moment = Instant.parse("2026-11-01T06:30:00Z"); // New York falls back that day
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        Object written = converter.convertToDatabaseColumn(moment);
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        assertEquals(moment, converter.convertToEntityAttribute(written));
        // H2 hands back an OffsetDateTime in whatever offset the value was written with
        assertEquals(moment, converter.convertToEntityAttribute(moment.atOffset(ZoneOffset.ofHours(8))));
    }
}
