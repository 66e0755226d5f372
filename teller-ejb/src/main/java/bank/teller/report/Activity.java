package bank.teller.report;

import bank.teller.ledger.domain.GlCodes;
import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.ledger.domain.Side;
import bank.teller.platform.Jdbc;
import bank.teller.shared.Pdfs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's activity as the dashboards count it: each posting leaves a delta row in its own
 * transaction ({@link #record}: an insert, so postings never wait for one another's summary row), and
 * {@link #fold} adds the committed deltas into the hourly and per-teller tables and the vault's cash
 * (branch_vault) and deletes them, under
 * their row locks, so a delta is counted once however many folders run.
 */
@ApplicationScoped
public class Activity {

    /** A single cash movement from this amount on is counted as large cash (大额现金) on the dashboard. */
    static final BigDecimal LARGE_CASH = new BigDecimal(System.getProperty("teller.aml.large-cash", "50000.00"));
    static final int FOLD_MAX = 5000;

    private static final String INSERT_DELTA = "INSERT INTO activity_delta (entry_id, branch_code, business_date, hour_of_day, "
            + "entry_type, teller, amount, large_cash, vault_net) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    private Jdbc jdbc;

    /** Counts the entry (its amount is its debits), in the posting's transaction; opening balances migrated are not business. */
    public void record(JournalEntry entry) {
        if (JournalEntry.MIGRATION_OPENING.equals(entry.type())) {
            return;
        }
        BigDecimal amount = BigDecimal.ZERO;
        boolean largeCash = false;
        BigDecimal vault = BigDecimal.ZERO;
        for (JournalLine line : entry.lines()) {
            if (line.side() == Side.DEBIT) {
                amount = amount.add(line.amount().amount());
            }
            if (GlCodes.VAULT_CASH.equals(line.glCode())) {
                vault = line.side() == Side.DEBIT ? vault.add(line.amount().amount()) : vault.subtract(line.amount().amount());
            }
            largeCash |= GlCodes.TILL_CASH.equals(line.glCode()) && line.amount().amount().compareTo(LARGE_CASH) >= 0;
        }
        jdbc.write(INSERT_DELTA, entry.id(), entry.branchCode(), entry.businessDate(),
                entry.postedAt().atZone(Pdfs.BANK_ZONE).getHour(), entry.type(), entry.teller(), amount, largeCash ? 1 : 0,
                vault);
    }

    /** Adds up to {@link #FOLD_MAX} committed deltas into the summary tables, in the caller's transaction; answers how many. */
    public int fold() {
        record Delta(long entryId, String branch, LocalDate date, int hour, String type, String teller, BigDecimal amount,
                     int largeCash, BigDecimal vault) {
        }
        List<Delta> deltas = jdbc.query("SELECT entry_id, branch_code, business_date, hour_of_day, entry_type, teller, amount, "
                        + "large_cash, vault_net FROM activity_delta ORDER BY entry_id" + Jdbc.firstRows(FOLD_MAX) + " FOR UPDATE",
                row -> new Delta(row.getLong(1), row.getString(2), row.getDate(3).toLocalDate(), row.getInt(4),
                        row.getString(5), row.getString(6), row.getBigDecimal(7), row.getInt(8), row.getBigDecimal(9)));
        if (deltas.isEmpty()) {
            return 0;
        }
        Map<List<Object>, Sum> hours = new LinkedHashMap<>();
        Map<List<Object>, Sum> tellers = new LinkedHashMap<>();
        Map<String, BigDecimal> vaults = new LinkedHashMap<>();
        for (Delta d : deltas) {
            if (d.vault().signum() != 0) {
                vaults.merge(d.branch(), d.vault(), BigDecimal::add);
            }
            hours.computeIfAbsent(List.of(d.branch(), d.date(), d.hour(), d.type()), k -> new Sum()).add(d.amount(), d.largeCash());
            tellers.computeIfAbsent(List.of(d.branch(), d.date(), d.teller(), d.type()), k -> new Sum()).add(d.amount(), 0);
        }
        hours.forEach((key, sum) -> {
            Object[] where = {key.get(0), key.get(1), key.get(2), key.get(3)};
            if (jdbc.update("UPDATE activity_hour SET entries = entries + ?, amount = amount + ?, large_cash = large_cash + ? "
                    + "WHERE branch_code = ? AND business_date = ? AND hour_of_day = ? AND entry_type = ?",
                    concat(new Object[] {sum.entries, sum.amount, sum.largeCash}, where)) == 0) {
                jdbc.update("INSERT INTO activity_hour (branch_code, business_date, hour_of_day, entry_type, entries, amount, "
                        + "large_cash) VALUES (?, ?, ?, ?, ?, ?, ?)", concat(where, new Object[] {sum.entries, sum.amount,
                        sum.largeCash}));
            }
        });
        tellers.forEach((key, sum) -> {
            Object[] where = {key.get(0), key.get(1), key.get(2), key.get(3)};
            if (jdbc.update("UPDATE activity_teller SET entries = entries + ?, amount = amount + ? "
                    + "WHERE branch_code = ? AND business_date = ? AND teller = ? AND entry_type = ?",
                    concat(new Object[] {sum.entries, sum.amount}, where)) == 0) {
                jdbc.update("INSERT INTO activity_teller (branch_code, business_date, teller, entry_type, entries, amount) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", concat(where, new Object[] {sum.entries, sum.amount}));
            }
        });
        vaults.forEach((branch, net) -> {
            if (jdbc.update("UPDATE branch_vault SET cash = cash + ? WHERE branch_code = ?", net, branch) == 0) {
                jdbc.update("INSERT INTO branch_vault (branch_code, cash) VALUES (?, ?)", branch, net);
            }
        });
        List<Object[]> ids = new ArrayList<>();
        deltas.forEach(d -> ids.add(new Object[] {d.entryId()}));
        jdbc.batch("DELETE FROM activity_delta WHERE entry_id = ?", ids);
        return deltas.size();
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] both = new Object[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static final class Sum {
        long entries;
        BigDecimal amount = BigDecimal.ZERO;
        long largeCash;

        void add(BigDecimal more, int large) {
            entries++;
            amount = amount.add(more);
            largeCash += large;
        }
    }
}
