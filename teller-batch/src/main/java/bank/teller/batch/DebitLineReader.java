package bank.teller.batch;

import bank.teller.payment.application.DirectDebits;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the ids of a debit file's pending lines, a page at a time, in id order; checkpoints the last
 * id read, so a restart goes on after the last chunk that committed (and finds only what is pending).
 */
@Named
@Dependent
public class DebitLineReader extends AbstractItemReader {

    private static final int PAGE = 1000;

    @Inject
    @BatchProperty
    private String fileId;
    @EJB
    private DirectDebits directDebits;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(directDebits.pending(Long.parseLong(fileId), last, PAGE));
            exhausted = page.size() < PAGE;
        }
        Long id = page.poll();
        if (id != null) {
            last = id;
        }
        return id;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
