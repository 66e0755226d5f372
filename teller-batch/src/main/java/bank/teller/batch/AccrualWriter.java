package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import bank.teller.deposit.application.DemandInterest.AccrualItem;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/** Accrues a chunk of accounts and counts it in the run's report, in the chunk's transaction. */
@Named
@Dependent
public class AccrualWriter extends AccountRangeWriter<AccrualItem> {

    public AccrualWriter() {
        super(AccrualItem.class);
    }

    @Override
    protected void write(List<AccrualItem> items, LocalDate closing, StepRow row) {
        work.accrue(items, closing, row);
    }
}
