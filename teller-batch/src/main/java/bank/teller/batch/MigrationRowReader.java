package bank.teller.batch;

import bank.teller.migration.MigrationFile;
import bank.teller.migration.MigrationImport;
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
 * Reads the ids of a migration batch's pending rows of one file, a page at a time, in id order;
 * checkpoints the last id read, so a restart goes on after it (and finds only what is pending).
 */
@Named
@Dependent
public class MigrationRowReader extends AbstractItemReader {

    private static final int PAGE = 1000;

    @Inject
    @BatchProperty
    private String batchId;
    @Inject
    @BatchProperty
    private String file;
    @EJB
    private MigrationImport imports;

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
            page.addAll(imports.pending(Long.parseLong(batchId), MigrationFile.valueOf(file), last, PAGE));
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
