package bank.teller.batch;

import bank.teller.deposit.application.DemandInterest.AccrualItem;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/** The accounts of a partition that earn demand interest, checkpointed by the last account read. */
@Named
@Dependent
public class AccrualReader extends AccountRangeReader<AccrualItem> {

    @Override
    protected long total(LocalDate closing, String after, String upTo) {
        return work.countEarning(after, upTo);
    }

    @Override
    protected List<AccrualItem> page(LocalDate closing, AccrualItem last, String after, String upTo, int max) {
        return work.accrualPage(last == null ? after : last.accountNumber(), upTo, max);
    }

    @Override
    protected int pageSize() {
        return 500;
    }

    @Override
    protected String checkpointOf(AccrualItem last) {
        return last.accountNumber();
    }
}
