package bank.teller.batch;

import bank.teller.deposit.application.DemandInterest.SettlementItem;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * The interest periods of a partition due for settlement. A period leaves the due ones when it is
 * settled (each in a transaction of its own), so a restart reads the range again and finds only
 * what is left: no checkpoint, and a failed one is tried again.
 */
@Named
@Dependent
public class SettlementReader extends AccountRangeReader<SettlementItem> {

    @Override
    protected long total(LocalDate closing, String after, String upTo) {
        return work.countDue(after, upTo, closing);
    }

    @Override
    protected List<SettlementItem> page(LocalDate closing, SettlementItem last, String after, String upTo, int max) {
        return work.settlementPage(last, after, upTo, closing, max);
    }

    @Override
    protected int pageSize() {
        return 200;
    }

    @Override
    protected String checkpointOf(SettlementItem last) {
        return null;
    }
}
