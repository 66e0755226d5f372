package bank.teller.batch;

import bank.teller.migration.MigrationImport;
import bank.teller.shared.TellerException;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/**
 * Imports each row of a chunk in a transaction of its own, or rejects it with the reason Teller
 * refused it, or as failed when something unforeseen stopped it (the server log says what); a failure
 * of the rejection itself (the database gone) stops the job, to be resumed where it stopped.
 */
@Named
@Dependent
public class MigrationRowWriter extends AbstractItemWriter {

    @EJB
    private MigrationImport imports;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            long row = (Long) item;
            try {
                imports.importRow(row);
            } catch (TellerException refused) {
                imports.reject(row, refused);
            } catch (EJBException failed) {
                imports.rejectFailed(row, failed);
            }
        }
    }
}
