package bank.teller.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * The accounts of a partition due a statement, on the month's last business day (on any other day
 * there are none), checkpointed by the last account read.
 */
@Named
@Dependent
public class StatementReader extends AccountRangeReader<String> {

    @Override
    protected long total(LocalDate closing, String after, String upTo) {
        LocalDate from = work.statementPeriodStart(closing);
        return from == null ? 0 : work.countStatements(after, upTo, from, closing);
    }

    @Override
    protected List<String> page(LocalDate closing, String last, String after, String upTo, int max) {
        return work.statementPage(last == null ? after : last, upTo, work.statementPeriodStart(closing), closing, max);
    }

    @Override
    protected int pageSize() {
        return 200;
    }

    @Override
    protected String checkpointOf(String last) {
        return last;
    }
}
