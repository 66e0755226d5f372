package bank.teller.batch;

import bank.teller.batch.EndOfDayWork.StepRow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/** Writes a chunk's statements (PDF and CSV) and counts them in the run's report. */
@Named
@Dependent
public class StatementWriter extends AccountRangeWriter<String> {

    public StatementWriter() {
        super(String.class);
    }

    @Override
    protected void write(List<String> accounts, LocalDate closing, StepRow row) {
        work.writeStatements(accounts, work.statementPeriodStart(closing), closing, row);
    }
}
