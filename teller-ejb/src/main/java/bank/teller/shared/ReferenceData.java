package bank.teller.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Reference data (fee schedule, approval policy, role limits) kept across transactions, for the
 * version of it the transaction read ({@link BusinessCalendar#referenceVersion}, in the same
 * statement as the business date): what was read for that version is used again; a newer version
 * drops everything kept. Every change to reference data bumps the version in its own transaction
 * ({@link BusinessCalendar#referenceChanged}), so a posting never uses what it would not have read,
 * on one server or on several, and no posting reads the reference tables while they stay unchanged.
 * What is kept is shared by every thread: values must be immutable, or never changed once read.
 */
@ApplicationScoped
public class ReferenceData {

    private record Kept(long version, ConcurrentMap<List<Object>, Object> values) {
    }

    private volatile Kept kept = new Kept(Long.MIN_VALUE, new ConcurrentHashMap<>());

    /** What {@code read} reads of {@code kind} for {@code key} at reference version {@code version}. */
    @SuppressWarnings("unchecked")
    public <T> T get(long version, String kind, Object key, Supplier<T> read) {
        Kept now = kept;
        if (version > now.version()) {
            now = new Kept(version, new ConcurrentHashMap<>());
            kept = now; // another thread may put a newer one at the same time: then this one just reads again
        } else if (version < now.version()) {
            return read.get(); // a transaction that began before the change: what it reads is its own
        }
        List<Object> entry = List.of(kind, key);
        Object known = now.values().get(entry);
        if (known != null) {
            return (T) known;
        }
        T value = read.get();
        if (value != null) {
            now.values().putIfAbsent(entry, value);
        }
        return value;
    }
}
