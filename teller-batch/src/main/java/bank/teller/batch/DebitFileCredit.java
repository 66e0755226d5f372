package bank.teller.batch;

import bank.teller.payment.application.DirectDebits;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The direct-debit job's last step: the company credited with the total of its file's debits, once. */
@Named
@Dependent
public class DebitFileCredit extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String fileId;
    @EJB
    private DirectDebits directDebits;

    @Override
    public String process() {
        return directDebits.complete(Long.parseLong(fileId)).status();
    }
}
