package bank.teller.account.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.teller.account.domain.Account;
import bank.teller.account.domain.AccountStatus;
import bank.teller.account.domain.AccountType;
import bank.teller.shared.Money;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The balances the posting path changes on accounts it read without JPA are written with their
 * entry, once each; a transaction that changed one and never wrote it does not commit.
 */
class BalanceChangesTest {

    /** One transaction, as the registry shows it to the code running in it. */
    private static final class Transaction implements TransactionSynchronizationRegistry {
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }

        /** What the transaction manager does before it commits. */
        void beforeCommit() {
            synchronizations.forEach(Synchronization::beforeCompletion);
        }
    }

    private static Account account(String number, String balance) {
        return Account.restored(new Account.Stored(number, 50L, "0001", "2011", "SAVINGS", AccountType.INDIVIDUAL_I,
                null, null, "CNY", new BigDecimal(balance), false, AccountStatus.ACTIVE, LocalDate.of(2026, 1, 5), 7));
    }

    @Test
    void aChangedBalanceIsWrittenOnceWithTheVersionItWasReadAt() {
        Transaction tx = new Transaction();
        Account payer = account("0001010000000016", "100.00");
        Account untouched = account("0001010000000024", "5.00");
        BalanceChanges changes = BalanceChanges.of(tx);
        assertSame(changes, BalanceChanges.of(tx), "one record of changes per transaction");
        changes.track(payer, new BigDecimal("100.00"), 7);
        changes.track(untouched, new BigDecimal("5.00"), 3);
        payer.credit(Money.parse("20.50", Money.CNY));

        List<Object[]> written = BalanceChanges.takeChanged(tx);
        assertEquals(1, written.size(), "only the changed balance");
        assertArrayEquals(new Object[] {new BigDecimal("120.50"), "0001010000000016", 7L}, written.get(0));
        assertTrue(BalanceChanges.takeChanged(tx).isEmpty(), "written once");

        payer.credit(Money.parse("1.00", Money.CNY));
        assertArrayEquals(new Object[] {new BigDecimal("121.50"), "0001010000000016", 8L},
                BalanceChanges.takeChanged(tx).get(0), "a second change is written against the version the first made");
        tx.beforeCommit();
    }

    @Test
    void aBalanceChangedAndNeverWrittenStopsTheCommit() {
        Transaction tx = new Transaction();
        Account payer = account("0001010000000016", "100.00");
        BalanceChanges.of(tx).track(payer, new BigDecimal("100.00"), 7);
        payer.credit(Money.parse("20.50", Money.CNY));
        assertThrows(IllegalStateException.class, tx::beforeCommit);
    }

    @Test
    void aTransactionThatWroteNothingHasNothingToWrite() {
        assertTrue(BalanceChanges.takeChanged(new Transaction()).isEmpty());
    }
}
