package bank.teller.shared;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A unit of work of a bean that manages its transactions itself (the outbox relay, the audit
 * chainer): begun, committed, or rolled back on any failure, the failure then thrown as it was (a
 * failing rollback does not hide it).
 */
public final class BeanTransactions {

    private static final Logger LOG = Logger.getLogger(BeanTransactions.class.getName());

    private BeanTransactions() {
    }

    public static <T> T inTransaction(UserTransaction tx, Callable<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.call();
            tx.commit();
            return result;
        } catch (Exception e) {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                try {
                    tx.rollback();
                } catch (Exception rollbackFailed) {
                    LOG.log(Level.FINE, "rollback after a failed unit of work", rollbackFailed);
                }
            }
            throw e;
        }
    }
}
