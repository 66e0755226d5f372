package bank.teller.batch;

import bank.teller.payment.application.DirectDebits;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Debits or refuses a chunk of a debit file's lines, in the chunk's transaction. */
@Named
@Dependent
public class DebitLineWriter extends AbstractItemWriter {

    @EJB
    private DirectDebits directDebits;

    @Override
    public void writeItems(List<Object> items) {
        directDebits.debit(items.stream().map(Long.class::cast).toList());
    }
}
