package bank.teller.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the ids of the items still pending, a page at a time, in id order; checkpoints the last id
 * read, so a restart goes on after the last chunk that committed (and finds only what is pending).
 */
abstract class PendingIdReader extends AbstractItemReader {

    private static final int PAGE = 1000;

    private final Deque<Long> page = new ArrayDeque<>();
    private long last;
    private boolean exhausted;

    /** The ids of up to {@code max} items still pending after {@code afterId}, in order. */
    protected abstract List<Long> pending(long afterId, int max);

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(pending(last, PAGE));
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
