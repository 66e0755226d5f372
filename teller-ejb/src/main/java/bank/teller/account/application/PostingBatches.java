package bank.teller.account.application;

import bank.teller.shared.TellerException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit of postings (issue 14): postings that arrive together share one transaction, so a
 * busy counter pays one commit (one WAL flush, one JTA transaction, one connection) for several.
 *
 * <p>Each posting still runs on its own request's thread, as its own caller. Callers are spread
 * over {@link #LANES} lanes; in a lane one posting runs at a time, in arrival order, with the lane's
 * open batch's transaction handed to it ({@link TransactionManager#resume}). A posting that finds
 * others waiting leaves the batch open for them, up to {@link #MEMBERS}; the last commits it (after
 * giving the lane to the next posting, which opens the next batch); every member answers only once
 * its batch has committed. A lane is the caller's: a caller's postings share their till's row and
 * its voucher numbers, which two batches side by side would each hold for another member and wait
 * for in a circle.
 *
 * <p>One posting cannot fail the others: a posting that fails dooms its batch, the batch is rolled
 * back at once, and every other member posts again alone, in a transaction of its own, in its lane.
 * The one that failed answers with its refusal if it was one (a {@link TellerException}: alone it
 * would be refused as well, or after a posting that came before it), else it too posts again alone.
 * A posting is still made once: its journal entry is unique for its request ({@link PostingRequests}).
 *
 * <p>Transactions are begun here with the transaction manager, not a {@code UserTransaction}: a bean's
 * {@code UserTransaction} has the connection manager enlist the connections its invocation opened,
 * and a connection opened in a batch's turn is closed by the batch's last member, on another thread.
 */
@ApplicationScoped
public class PostingBatches {

    private static final Logger LOG = Logger.getLogger(PostingBatches.class.getName());

    /** Lanes side by side; 0 posts every request alone. */
    static final int LANES = Integer.getInteger("teller.postings.lanes", 3);
    /** The most postings in one batch. */
    static final int MEMBERS = Integer.getInteger("teller.postings.batch", 16);

    @Resource(lookup = "java:jboss/TransactionManager")
    private TransactionManager transactions;

    private final Lane[] lanes = new Lane[LANES];

    public PostingBatches() {
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
        }
    }

    /**
     * Runs {@code work} (on this thread, which must have no transaction) in a batch's transaction
     * and returns its result once the batch has committed; if the batch did not commit, runs it
     * alone in its lane.
     */
    public <T> T post(String caller, Callable<T> work) throws Exception {
        return lanes.length == 0 ? alone(work) : laneOf(caller).post(work);
    }

    /**
     * Runs {@code work} alone in a transaction of its own, in {@code caller}'s lane: for postings
     * whose persistence context a batch's other postings must not share (they lock through JPA).
     */
    public <T> T postAlone(String caller, Callable<T> work) throws Exception {
        return lanes.length == 0 ? alone(work) : laneOf(caller).solo(work);
    }

    /** Runs {@code work} in a transaction of its own, committed before it returns. */
    public <T> T alone(Callable<T> work) throws Exception {
        transactions.begin();
        try {
            T result = work.call();
            transactions.commit();
            return result;
        } catch (Exception failed) {
            if (transactions.getTransaction() != null) {
                try {
                    transactions.rollback();
                } catch (Exception rollbackFailed) {
                    LOG.log(Level.FINE, "rollback after a failed posting", rollbackFailed);
                }
            }
            throw failed;
        }
    }

    private Lane laneOf(String caller) {
        return lanes[Math.floorMod(caller.hashCode(), lanes.length)];
    }

    /** One posting at a time, into the lane's open batch. */
    private final class Lane {

        private final ReentrantLock turns = new ReentrantLock(true);
        /** Guarded by {@link #turns}. */
        private Batch open;

        <T> T post(Callable<T> work) throws Exception {
            Batch batch;
            Turn<T> turn;
            boolean last;
            turns.lock();
            try {
                if (open == null) {
                    open = new Batch(begin());
                }
                batch = open;
                turn = batch.run(work);
                last = batch.doomed || ++batch.members == MEMBERS || !turns.hasQueuedThreads();
                if (last) {
                    open = null;
                }
            } finally {
                turns.unlock();
            }
            if (last) {
                batch.complete();
            }
            if (turn.failure() instanceof TellerException refused) {
                throw refused;
            }
            if (turn.failure() instanceof Error error) {
                throw error;
            }
            if (turn.failure() == null && batch.committed.get()) {
                return turn.result();
            }
            return solo(work);
        }

        /** Runs {@code work} alone, the lane's open batch completed first. */
        <T> T solo(Callable<T> work) throws Exception {
            turns.lock();
            try {
                if (open != null) {
                    Batch waiting = open;
                    open = null;
                    waiting.complete();
                }
                return alone(work);
            } finally {
                turns.unlock();
            }
        }
    }

    /** What a posting's turn came to: its result, or what it threw. */
    private record Turn<T>(T result, Throwable failure) {
    }

    /** Postings in one transaction. */
    private final class Batch {

        private final Transaction transaction;
        private final CompletableFuture<Boolean> committed = new CompletableFuture<>();
        /** Guarded by the lane's turns. */
        private int members;
        /** A member failed: the batch is rolled back. */
        private boolean doomed;

        private Batch(Transaction transaction) {
            this.transaction = transaction;
        }

        /** Runs {@code work} with the batch's transaction; a failure dooms the batch. */
        <T> Turn<T> run(Callable<T> work) throws SystemException {
            try {
                transactions.resume(transaction);
            } catch (Exception notResumed) {
                doomed = true;
                LOG.log(Level.WARNING, "a posting batch's transaction could not be resumed", notResumed);
                return new Turn<>(null, null);
            }
            try {
                return new Turn<>(work.call(), null);
            } catch (Exception | Error failed) {
                doomed = true;
                return new Turn<>(null, failed);
            } finally {
                transactions.suspend();
            }
        }

        /** Commits the batch, or rolls it back if a member failed; its members then learn which. */
        void complete() {
            boolean done = false;
            try {
                transactions.resume(transaction);
                if (doomed || transactions.getStatus() != Status.STATUS_ACTIVE) {
                    transactions.rollback();
                } else {
                    transactions.commit();
                    done = true;
                }
            } catch (Exception failed) {
                LOG.log(Level.FINE, "a posting batch did not commit; its members post alone", failed);
                try {
                    if (transactions.getTransaction() != null) {
                        transactions.suspend();
                    }
                } catch (SystemException ignored) {
                    LOG.log(Level.FINE, "after a batch that did not commit", ignored);
                }
            } finally {
                committed.complete(done);
            }
        }
    }

    private Transaction begin() throws Exception {
        transactions.begin();
        return transactions.suspend();
    }
}
