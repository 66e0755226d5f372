package bank.teller.batch;

import bank.teller.account.domain.AccountNumber;
import bank.teller.batch.EndOfDayWork.StepRow;
import bank.teller.deposit.application.DemandInterest.SettlementItem;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles each period of a chunk in a transaction of its own: an account whose settlement fails
 * (closed meanwhile, a lock that timed out) is counted failed with the reason, logged, and left due
 * for a restart; the others are posted.
 */
@Named
@Dependent
public class SettlementWriter extends AccountRangeWriter<SettlementItem> {

    private static final Logger LOG = Logger.getLogger(SettlementWriter.class.getName());

    public SettlementWriter() {
        super(SettlementItem.class);
    }

    @Override
    protected void write(List<SettlementItem> items, LocalDate closing, StepRow row) {
        for (SettlementItem due : items) {
            try {
                work.settle(due, closing, row);
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "interest settlement failed for " + AccountNumber.masked(due.accountNumber()), failed);
                work.count(row, 1, 0, 0, 1, due.accountNumber() + ": " + EndOfDayRun.reason(failed));
            }
        }
    }
}
