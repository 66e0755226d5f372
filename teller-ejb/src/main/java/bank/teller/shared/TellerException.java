package bank.teller.shared;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one business exception: a stable {@link ErrorCode} plus the arguments of its message.
 * Thrown out of an application service it rolls the transaction back and reaches the caller as
 * it is (not wrapped in an EJBException), so screens and the API can show the coded message.
 */
@ApplicationException(rollback = true)
public class TellerException extends RuntimeException {

    private final ErrorCode code;
    private final transient List<Object> args;

    public TellerException(ErrorCode code, Object... args) {
        super(code.name() + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.code = code;
        // arguments may be null (an id not assigned yet, a missing value): kept as they are
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    public ErrorCode code() {
        return code;
    }

    /** Arguments for the message pattern of {@link ErrorCode#messageKey()}. */
    public List<Object> args() {
        return args;
    }
}
