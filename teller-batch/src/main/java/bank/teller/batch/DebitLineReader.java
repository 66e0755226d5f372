package bank.teller.batch;

import bank.teller.payment.application.DirectDebits;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Reads the ids of a debit file's pending lines ({@link PendingIdReader}). */
@Named
@Dependent
public class DebitLineReader extends PendingIdReader {

    @Inject
    @BatchProperty
    private String fileId;
    @EJB
    private DirectDebits directDebits;

    @Override
    protected List<Long> pending(long afterId, int max) {
        return directDebits.pending(Long.parseLong(fileId), afterId, max);
    }
}
