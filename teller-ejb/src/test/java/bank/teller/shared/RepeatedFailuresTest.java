package bank.teller.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final RepeatedFailures failures = new RepeatedFailures("relay", clock);

    @Test
    void aFailureEverySecondIsOneLineThenOneLineAMinuteWithTheCount() {
        assertEquals(Optional.of("relay failed: broken"), failures.failed("broken"));
        int logged = 0;
        for (int second = 1; second <= 120; second++) {
            clock.now = clock.now.plusSeconds(1);
            Optional<String> line = failures.failed("broken");
            if (line.isPresent()) {
                logged++;
                assertTrue(line.get().startsWith("relay still failing: broken ("), line.get());
            }
        }
        assertEquals(2, logged, "one line a minute over two minutes");
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals(Optional.of("relay still failing: broken (1 more times, 122 in all)"), failures.failed("broken"));
    }

    @Test
    void eachDistinctFailureIsReportedAtOnce() {
        assertTrue(failures.failed("one").isPresent());
        assertTrue(failures.failed("two").isPresent());
        assertTrue(failures.failed("one").isEmpty());
    }

    @Test
    void recoveryIsReportedOnceWithTheNumberOfFailedRuns() {
        assertEquals(Optional.empty(), failures.succeeded());
        failures.failed("one");
        failures.failed("one");
        failures.failed("two");
        assertEquals(Optional.of("relay works again after 3 failed runs"), failures.succeeded());
        assertEquals(Optional.empty(), failures.succeeded());
        assertEquals(Optional.of("relay failed: one"), failures.failed("one"), "a new outage is reported afresh");
    }

    @Test
    void theReasonIsTheInnermostCauseOnOneLine() {
        Exception e = new IllegalStateException("outer", new RuntimeException("middle",
                new SQLException("Syntax error in SQL statement\nSELECT ... FOR UPDATE LIMIT ?")));
        assertEquals("SQLException: Syntax error in SQL statement", RepeatedFailures.reason(e));
        assertEquals("NullPointerException", RepeatedFailures.reason(new NullPointerException()));
    }
}
