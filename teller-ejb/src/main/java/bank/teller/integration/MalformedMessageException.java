package bank.teller.integration;

/**
 * A message that cannot be understood. Thrown out of a listener it rolls the delivery back, so
 * the broker redelivers it a bounded number of times and then moves it to the dead-letter queue
 * with nothing changed.
 */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
