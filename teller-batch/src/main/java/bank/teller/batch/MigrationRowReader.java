package bank.teller.batch;

import bank.teller.migration.MigrationFile;
import bank.teller.migration.MigrationImport;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Reads the ids of a migration batch's pending rows of one file ({@link PendingIdReader}). */
@Named
@Dependent
public class MigrationRowReader extends PendingIdReader {

    @Inject
    @BatchProperty
    private String batchId;
    @Inject
    @BatchProperty
    private String file;
    @EJB
    private MigrationImport imports;

    @Override
    protected List<Long> pending(long afterId, int max) {
        return imports.pending(Long.parseLong(batchId), MigrationFile.valueOf(file), afterId, max);
    }
}
