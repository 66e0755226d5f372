package bank.teller.shared;

import java.util.function.Supplier;

/**
 * How a caller outside the use case's transaction (the web tier, the channel listener) calls a write. When the same request id is being written concurrently (a double
 * click, a client retrying too soon), the second write waits for the first and fails with
 * REQUEST_IN_PROGRESS; asking once more, in a new transaction, returns the first one's result, as
 * for any replay. This cannot happen inside the use case: its transaction is already doomed.
 */
public final class SameRequest {

    private SameRequest() {
    }

    public static <T> T settled(Supplier<T> write) {
        try {
            return write.get();
        } catch (TellerException e) {
            if (e.code() != ErrorCode.REQUEST_IN_PROGRESS) {
                throw e;
            }
            return write.get();
        }
    }
}
