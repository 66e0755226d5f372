package bank.teller.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A failure's chain of causes, for those that answer or report by what lies underneath. */
public final class Causes {

    private Causes() {
    }

    /** The failure and its causes, outermost first (a cause that is its own cause ends the chain). */
    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The outermost failure of the chain that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The innermost cause. */
    public static Throwable root(Throwable failure) {
        return of(failure).reduce((outer, inner) -> inner).orElseThrow();
    }
}
