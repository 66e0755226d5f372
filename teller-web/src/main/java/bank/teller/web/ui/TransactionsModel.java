package bank.teller.web.ui;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** An account's postings for the screen's table, loaded a page at a time, newest first, within the chosen dates. */
public class TransactionsModel extends LazyDataModel<AccountTransaction> {

    private static final long serialVersionUID = 1L;

    private final AccountQueries queries;
    private final String accountNumber;
    private final LocalDate from;
    private final LocalDate to;

    TransactionsModel(AccountQueries queries, String accountNumber, LocalDate from, LocalDate to) {
        this.queries = queries;
        this.accountNumber = accountNumber;
        this.from = from;
        this.to = to;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) queries.transactionCount(accountNumber, from, to);
    }

    @Override
    public List<AccountTransaction> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
        return queries.transactions(accountNumber, from, to, first / Math.max(1, pageSize), pageSize);
    }

    @Override
    public String getRowKey(AccountTransaction transaction) {
        return transaction.entryId() + "-" + transaction.side();
    }
}
