package bank.teller.batch;

import bank.teller.migration.MigrationImport;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The migration-import job's last step: every file gone through, the batch is imported. */
@Named
@Dependent
public class MigrationImported extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String batchId;
    @EJB
    private MigrationImport imports;

    @Override
    public String process() {
        imports.imported(Long.parseLong(batchId));
        return "IMPORTED";
    }
}
