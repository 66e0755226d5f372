package bank.teller.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Stores {@link Instant}s in TIMESTAMP WITH TIME ZONE columns as the moment they are (migration
 * v022; before, a UTC wall-clock time went through the JVM's zone into a TIMESTAMP). A
 * {@link Timestamp} is a moment, and the drivers write it with its offset, so neither the JVM's time
 * zone nor the database session's changes what is stored. Read back, PostgreSQL's driver gives a
 * Timestamp and H2's an {@link OffsetDateTime} (hence the column type Object): both are the moment.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Object column) {
        return column == null ? null : StoredTime.instant(column);
    }
}
