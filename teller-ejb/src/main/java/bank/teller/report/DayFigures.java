package bank.teller.report;

import bank.teller.ledger.domain.GlCodes;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * The figures of a closed business day that only end of day knows (kept in branch_day_figure, per
 * branch): deposit balances and accounts per deposit ledger (个人/单位 活期/定期/通知), accounts opened
 * per account type, fee income per transaction type, dormant accounts. Kept again when the step runs
 * again; the reports of the day read them, so a reprint says what the day said.
 */
@ApplicationScoped
public class DayFigures {

    public static final String DEPOSITS = "DEPOSITS";
    public static final String OPENED = "OPENED";
    public static final String FEE_INCOME = "FEE_INCOME";
    public static final String DORMANT = "DORMANT";

    private static final String INSERT = "INSERT INTO branch_day_figure (branch_code, business_date, figure, item, items, "
            + "amount) ";

    @Inject
    private Jdbc jdbc;

    /** Keeps the figures of {@code closing}, in the caller's transaction; answers how many rows. */
    public int keep(LocalDate closing) {
        String day = Jdbc.date(closing);
        jdbc.update("DELETE FROM branch_day_figure WHERE business_date = " + day);
        int rows = jdbc.update(INSERT + "SELECT branch_code, " + day + ", '" + DEPOSITS + "', gl_code, COUNT(*), SUM(balance) "
                + "FROM account WHERE status <> 'CLOSED' AND branch_code" + Branches.REAL + " GROUP BY branch_code, gl_code");
        rows += jdbc.update(INSERT + "SELECT branch_code, " + day + ", '" + OPENED + "', COALESCE(account_type, product), "
                + "COUNT(*), 0 FROM account WHERE opened_on = " + day + " AND branch_code" + Branches.REAL
                + " GROUP BY branch_code, COALESCE(account_type, product)");
        rows += jdbc.update(INSERT + "SELECT e.branch_code, " + day + ", '" + FEE_INCOME + "', e.entry_type, COUNT(*), "
                + "SUM(CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END) FROM journal_entry e "
                + "JOIN journal_line l ON l.entry_id = e.id WHERE e.business_date = " + day + " AND l.gl_code = '"
                + GlCodes.FEE_INCOME + "' AND e.branch_code" + Branches.REAL + " GROUP BY e.branch_code, e.entry_type");
        rows += jdbc.update(INSERT + "SELECT branch_code, " + day + ", '" + DORMANT + "', gl_code, COUNT(*), SUM(balance) "
                + "FROM account WHERE status = 'DORMANT' AND branch_code" + Branches.REAL + " GROUP BY branch_code, gl_code");
        return rows;
    }
}
