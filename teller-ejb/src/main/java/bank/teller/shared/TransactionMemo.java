package bank.teller.shared;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What one JTA transaction has read already: what a posting asks for several times and must see the
 * same throughout (the business date with the reference version, this request's approval, an
 * account's restrictions), read once per transaction. (Reference data itself is kept across
 * transactions: {@link ReferenceData}.) Only for data the transaction itself does not write.
 * Outside a transaction every call reads.
 */
public final class TransactionMemo {

    private static volatile TransactionSynchronizationRegistry registry;

    private TransactionMemo() {
    }

    /** What this transaction read already of {@code kind} for {@code key}, else what {@code read} reads (kept). */
    public static <T> T get(String kind, Object key, Supplier<T> read) {
        TransactionSynchronizationRegistry transaction = registry();
        if (transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return read.get();
        }
        List<Object> memoKey = List.of(TransactionMemo.class, kind, key);
        @SuppressWarnings("unchecked")
        T known = (T) transaction.getResource(memoKey);
        if (known != null) {
            return known;
        }
        T value = read.get();
        if (value != null) {
            transaction.putResource(memoKey, value);
        }
        return value;
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry known = registry;
        if (known == null) {
            try {
                known = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException e) {
                throw new IllegalStateException("no transaction synchronization registry", e);
            }
            registry = known;
        }
        return known;
    }
}
