package bank.teller.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * The accounts of a partition, on the month's last business day (on any other day none), for the
 * writer to write the statements of those due one; checkpointed by the last account read.
 */
@Named
@Dependent
public class StatementReader extends AccountRangeReader<String> {

    @Override
    protected long total(LocalDate closing, String after, String upTo) {
        return work.statementPeriodStart(closing) == null ? 0 : work.countStatementAccounts(after, upTo);
    }

    @Override
    protected List<String> page(LocalDate closing, String last, String after, String upTo, int max) {
        return work.statementPage(last == null ? after : last, upTo, max);
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
