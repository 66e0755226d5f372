package bank.teller.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a job that runs every second (a timer, a relay) says about its failures: one concise line
 * for each distinct failure when it first happens, then at most one line a {@link #REPEAT} with how
 * often it happened since, and one line when the job works again. Never a stack trace every second.
 * Not thread-safe: its owner runs one job at a time.
 */
public final class RepeatedFailures {

    public static final Duration REPEAT = Duration.ofMinutes(1);
    private static final int REASON_MAX = 300;

    private final String job;
    private final Clock clock;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    private static final class Tally {
        long count;
        long unreported;
        Instant lastReported;
    }

    public RepeatedFailures(String job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    /** The reason of a failure in one line: the innermost cause's type and message. */
    public static String reason(Throwable failure) {
        Throwable root = Causes.root(failure);
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        String line = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return Text.abbreviated(line, REASON_MAX);
    }

    /** Counts a failure; returns the line to log now, if any. */
    public Optional<String> failed(String reason) {
        Instant now = clock.instant();
        Tally tally = tallies.computeIfAbsent(reason, r -> new Tally());
        tally.count++;
        if (tally.lastReported == null) {
            tally.lastReported = now;
            return Optional.of(job + " failed: " + reason);
        }
        tally.unreported++;
        if (Duration.between(tally.lastReported, now).compareTo(REPEAT) >= 0) {
            String line = job + " still failing: " + reason + " (" + tally.unreported + " more times, "
                    + tally.count + " in all)";
            tally.lastReported = now;
            tally.unreported = 0;
            return Optional.of(line);
        }
        return Optional.empty();
    }

    /** The job worked; returns the line to log when it had been failing. */
    public Optional<String> succeeded() {
        if (tallies.isEmpty()) {
            return Optional.empty();
        }
        long count = tallies.values().stream().mapToLong(t -> t.count).sum();
        tallies.clear();
        return Optional.of(job + " works again after " + count + " failed " + (count == 1 ? "run" : "runs"));
    }
}
