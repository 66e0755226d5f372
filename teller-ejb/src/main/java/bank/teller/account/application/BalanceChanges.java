package bank.teller.account.application;

import bank.teller.account.domain.Account;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts one transaction locked without JPA ({@link Accounts#lockForBalanceChange}) and the
 * balance each had when it was last written: what {@link Accounts#writeBalances} must still write.
 * A transaction that changed a balance and did not write it does not commit (checked before the
 * commit): a balance is never lost, nor changed without its journal entry.
 */
final class BalanceChanges implements Synchronization {

    private static final Object KEY = BalanceChanges.class;

    private static final class Tracked {
        private final Account account;
        private BigDecimal written;
        private long version;

        private Tracked(Account account, BigDecimal written, long version) {
            this.account = account;
            this.written = written;
            this.version = version;
        }

        private boolean changed() {
            return account.balance().amount().compareTo(written) != 0;
        }
    }

    private final Map<String, Tracked> tracked = new LinkedHashMap<>();

    /** This transaction's changes, the first call registering them to be checked before the commit. */
    static BalanceChanges of(TransactionSynchronizationRegistry transaction) {
        BalanceChanges changes = (BalanceChanges) transaction.getResource(KEY);
        if (changes == null) {
            changes = new BalanceChanges();
            transaction.putResource(KEY, changes);
            transaction.registerInterposedSynchronization(changes);
        }
        return changes;
    }

    /** Tracks {@code account}, locked with its row's {@code balance} and {@code version}. */
    void track(Account account, BigDecimal balance, long version) {
        tracked.put(account.number().value(), new Tracked(account, balance, version));
    }

    /**
     * The balances {@code transaction} changed and has not written, as rows of (balance, account
     * number, version as read), each taken as written with the next version.
     */
    static List<Object[]> takeChanged(TransactionSynchronizationRegistry transaction) {
        BalanceChanges changes = (BalanceChanges) transaction.getResource(KEY);
        return changes == null ? List.of() : changes.takeChanged();
    }

    private List<Object[]> takeChanged() {
        List<Object[]> rows = new ArrayList<>();
        for (Tracked t : tracked.values()) {
            if (t.changed()) {
                rows.add(new Object[] {t.account.balance().amount(), t.account.number().value(), t.version});
                t.written = t.account.balance().amount();
                t.version++;
            }
        }
        return rows;
    }

    @Override
    public void beforeCompletion() {
        for (Tracked t : tracked.values()) {
            if (t.changed()) {
                throw new IllegalStateException("the balance of account " + t.account.number().value()
                        + " changed and was never written with its journal entry: the transaction is rolled back");
            }
        }
    }

    @Override
    public void afterCompletion(int status) {
        // nothing kept beyond the transaction
    }
}
