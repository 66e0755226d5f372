package bank.teller.batch;

import bank.teller.account.domain.AccountNumber;
import bank.teller.batch.EndOfDayWork.StepRow;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes each account of a chunk in a product's step, each in a transaction of its own: one that
 * fails is counted failed with the reason, logged, and left due for a restart; the others are done.
 */
@Named
@Dependent
public class ProductStepWriter extends AccountRangeWriter<String> {

    private static final Logger LOG = Logger.getLogger(ProductStepWriter.class.getName());

    @Inject
    @BatchProperty
    private String product;

    public ProductStepWriter() {
        super(String.class);
    }

    @Override
    protected void write(List<String> accounts, LocalDate closing, StepRow row) {
        for (String account : accounts) {
            try {
                work.processProduct(product, account, closing, row);
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, product + " failed for " + AccountNumber.masked(account), failed);
                work.count(row, 1, 0, 0, 1, account + ": " + EndOfDayRun.reason(failed));
            }
        }
    }
}
