package bank.teller.it;

import java.time.Duration;
import java.time.Instant;

/** Waiting for what happens after a test's call returns (a JMS answer, a relay's send), up to a minute. */
public final class Await {

    /** A condition read from the database or a service. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Polls {@code condition} until it holds or a minute has passed; the test then asserts what it expects. */
    public static void until(Check condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.holds() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }
}
