package bank.teller.report;

import bank.teller.aml.LargeCash;
import bank.teller.platform.Branches;
import bank.teller.platform.Jdbc;
import bank.teller.report.ReportView.Column;
import bank.teller.report.ReportView.Kind;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The business reports (报表, issue 19) of a branch or of the whole bank over a period: the daily
 * business report (营业日报), deposit balances by product and customer type, fee income, teller
 * workload, accounts opened and closed, dormant accounts (all from the summary tables); large cash
 * and reversals (from the journal, which nothing changes); service ratings (服务评价, per teller).
 * End of day keeps a copy of each summary report of the day it closes, per branch and for the bank
 * ({@link #keep}); the report of one day is that copy once it exists, so reprinting it says what it
 * said at the close. A supervisor reads their own branch; an auditor any branch or the bank.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Reports {

    /** The reports, in the order the screen lists them. */
    public enum Report {
        DAILY_BUSINESS, DEPOSIT_BALANCES, FEE_INCOME, TELLER_WORKLOAD, ACCOUNT_OPENINGS, DORMANT_ACCOUNTS,
        LARGE_CASH, REVERSALS, SERVICE_RATINGS;

        /** Kept by end of day: read from the summary tables, not from rows nothing changes (journal, ratings). */
        boolean kept() {
            return this != LARGE_CASH && this != REVERSALS && this != SERVICE_RATINGS;
        }
    }

    /** The longest period a report covers. */
    public static final int MAX_DAYS = 366;
    /** How the whole bank is named where a branch code goes (the kept copies' key). */
    static final String BANK = "*";
    private static final List<String> INDIVIDUAL_LEDGERS = List.of("2011", "2013", "2015");

    @Inject
    private Jdbc jdbc;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private Branches branches;
    @EJB
    private LargeCash largeCash;

    private final Clock clock = Clock.systemUTC();

    /**
     * The report over {@code from} to {@code to} for {@code branchCode} (null or blank: the caller's
     * branch; "*" the bank, for auditors), the kept copy when it covers one closed day.
     */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    public ReportView report(String name, LocalDate from, LocalDate to, String branchCode) {
        Report report = report(name);
        LocalDate today = calendar.today();
        if (from == null || to == null || from.isAfter(to) || to.isAfter(today)
                || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new TellerException(ErrorCode.REPORT_PERIOD_INVALID, from, to, today, MAX_DAYS);
        }
        String branch = branch(branchCode);
        if (report.kept() && from.equals(to)) { // kept when end of day closed the day: reprinted as it was
            ReportView copy = keptCopy(report, to, branch);
            if (copy != null) {
                return copy;
            }
        }
        return compute(report, from, to, branch, false, null);
    }

    /** Keeps the copies of {@code closing}'s summary reports, for every branch and the bank; answers how many. */
    @RolesAllowed(Roles.SUPERVISOR)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int keep(LocalDate closing) {
        jdbc.update("DELETE FROM report_copy WHERE business_date = ?", closing);
        List<String> codes = new ArrayList<>(jdbc.query("SELECT code FROM branch WHERE training = FALSE ORDER BY code",
                row -> row.getString(1)));
        codes.add(BANK);
        Instant now = StoredTime.now(clock);
        List<Object[]> copies = new ArrayList<>();
        for (String code : codes) {
            for (Report report : Report.values()) {
                if (report.kept()) {
                    ReportView view = compute(report, closing, closing, BANK.equals(code) ? null : code, true, now);
                    copies.add(new Object[] {report.name(), closing, code, now, rowsJson(view.rows())});
                }
            }
        }
        jdbc.batch("INSERT INTO report_copy (report, business_date, branch_code, generated_at, rows_json) "
                + "VALUES (?, ?, ?, ?, ?)", copies);
        return copies.size();
    }

    private static Report report(String name) {
        return Arrays.stream(Report.values()).filter(r -> r.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst().orElseThrow(() -> new TellerException(ErrorCode.REPORT_NOT_FOUND, String.valueOf(name),
                        String.join(", ", Arrays.stream(Report.values()).map(Enum::name).toList())));
    }

    /** The branch asked for (null: the whole bank): a supervisor only theirs, an auditor any or the bank. */
    private String branch(String asked) {
        AppUser me = currentUser.get();
        String code = asked == null || asked.isBlank() ? me.branchCode() : asked.strip();
        if (!currentUser.roles().contains(Roles.AUDITOR)) {
            me.requireBranch(code);
        }
        if (BANK.equals(code)) {
            return null;
        }
        if (!branches.exists(code)) {
            throw new TellerException(ErrorCode.BRANCH_NOT_FOUND, code);
        }
        return code;
    }

    private ReportView keptCopy(Report report, LocalDate day, String branch) {
        List<Object[]> found = jdbc.query("SELECT generated_at, rows_json FROM report_copy WHERE report = ? "
                        + "AND business_date = ? AND branch_code = ?",
                row -> new Object[] {row.getTimestamp(1).toInstant(), row.getString(2)}, report.name(), day,
                branch == null ? BANK : branch);
        if (found.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        JsonArray array = Json.createReader(new StringReader((String) found.get(0)[1])).readArray();
        for (JsonValue row : array) {
            rows.add(row.asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList());
        }
        return new ReportView(report.name(), day, day, branch, true, (Instant) found.get(0)[0], columns(report), rows);
    }

    private static String rowsJson(List<List<String>> rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        rows.forEach(row -> {
            JsonArrayBuilder cells = Json.createArrayBuilder();
            row.forEach(cells::add);
            array.add(cells);
        });
        return array.build().toString();
    }

    private static List<Column> columns(Report report) {
        return switch (report) {
            case DAILY_BUSINESS -> List.of(col("branch", Kind.TEXT), col("item", Kind.LABEL), col("entries", Kind.COUNT),
                    col("amount", Kind.AMOUNT));
            case DEPOSIT_BALANCES -> List.of(col("branch", Kind.TEXT), col("product", Kind.LABEL),
                    col("customerType", Kind.LABEL), col("accounts", Kind.COUNT), col("balance", Kind.AMOUNT));
            case FEE_INCOME -> List.of(col("branch", Kind.TEXT), col("item", Kind.LABEL), col("entries", Kind.COUNT),
                    col("amount", Kind.AMOUNT));
            case TELLER_WORKLOAD -> List.of(col("branch", Kind.TEXT), col("teller", Kind.TEXT), col("entries", Kind.COUNT),
                    col("amount", Kind.AMOUNT));
            case ACCOUNT_OPENINGS -> List.of(col("branch", Kind.TEXT), col("item", Kind.LABEL), col("accounts", Kind.COUNT));
            case DORMANT_ACCOUNTS -> List.of(col("branch", Kind.TEXT), col("product", Kind.LABEL),
                    col("accounts", Kind.COUNT), col("balance", Kind.AMOUNT));
            case LARGE_CASH -> List.of(col("date", Kind.TEXT), col("customer", Kind.TEXT), col("idNumber", Kind.TEXT),
                    col("account", Kind.TEXT), col("item", Kind.LABEL), col("direction", Kind.LABEL),
                    col("amount", Kind.AMOUNT), col("teller", Kind.TEXT));
            case SERVICE_RATINGS -> List.of(col("branch", Kind.TEXT), col("teller", Kind.TEXT), col("ratings", Kind.COUNT),
                    col("averageScore", Kind.TEXT), col("unsatisfied", Kind.COUNT));
            case REVERSALS -> List.of(col("date", Kind.TEXT), col("branch", Kind.TEXT), col("entry", Kind.TEXT),
                    col("reverses", Kind.TEXT), col("teller", Kind.TEXT), col("reason", Kind.TEXT),
                    col("amount", Kind.AMOUNT));
        };
    }

    private static Column col(String key, Kind kind) {
        return new Column(key, kind);
    }

    private ReportView compute(Report report, LocalDate from, LocalDate to, String branch, boolean kept, Instant at) {
        List<List<String>> rows = switch (report) {
            case DAILY_BUSINESS -> dailyBusiness(from, to, branch);
            case DEPOSIT_BALANCES -> figures(DayFigures.DEPOSITS, to, branch, true);
            case FEE_INCOME -> feeIncome(from, to, branch);
            case TELLER_WORKLOAD -> summed("SELECT branch_code, teller, SUM(entries), SUM(amount) FROM activity_teller "
                    + "WHERE business_date BETWEEN ? AND ?" + where(branch) + " GROUP BY branch_code, teller "
                    + "ORDER BY branch_code, teller", from, to, branch);
            case ACCOUNT_OPENINGS -> openings(from, to, branch);
            case DORMANT_ACCOUNTS -> figures(DayFigures.DORMANT, to, branch, false);
            case LARGE_CASH -> largeCash(from, to, branch);
            case REVERSALS -> reversals(from, to, branch);
            case SERVICE_RATINGS -> ratings(from, to, branch);
        };
        return new ReportView(report.name(), from, to, branch, kept, at, columns(report), rows);
    }

    /** The branch asked for, or the bank: its real branches (a training branch's business is not the bank's). */
    private static String where(String branch) {
        return branch == null ? " AND branch_code" + Branches.REAL : " AND branch_code = ?";
    }

    private static Object[] params(LocalDate from, LocalDate to, String branch, Object... more) {
        List<Object> all = new ArrayList<>(List.of(from, to));
        if (branch != null) {
            all.add(branch);
        }
        all.addAll(List.of(more));
        return all.toArray();
    }

    /** Rows of branch, a key, a count and an amount; the branch column says "*" when the bank is asked. */
    private List<List<String>> summed(String sql, LocalDate from, LocalDate to, String branch, Object... more) {
        return jdbc.query(sql, row -> List.of(row.getString(1), row.getString(2), String.valueOf(row.getLong(3)),
                money(row.getBigDecimal(4))), params(from, to, branch, more));
    }

    /** Each entry type's postings, then the day's figures: accounts opened, fee income, deposits at the end. */
    private List<List<String>> dailyBusiness(LocalDate from, LocalDate to, String branch) {
        String unit = branch == null ? BANK : branch;
        List<List<String>> rows = new ArrayList<>(jdbc.query("SELECT entry_type, SUM(entries), SUM(amount) FROM "
                        + "activity_hour WHERE business_date BETWEEN ? AND ?" + where(branch) + " GROUP BY entry_type "
                        + "ORDER BY entry_type",
                row -> List.of(unit, "txType." + row.getString(1), String.valueOf(row.getLong(2)),
                        money(row.getBigDecimal(3))), params(from, to, branch)));
        rows.addAll(jdbc.query("SELECT figure, SUM(items), SUM(amount) FROM branch_day_figure WHERE business_date "
                        + "BETWEEN ? AND ?" + where(branch) + " AND figure IN (?, ?) GROUP BY figure ORDER BY figure",
                row -> List.of(unit, "report.item." + row.getString(1), String.valueOf(row.getLong(2)),
                        money(row.getBigDecimal(3))), params(from, to, branch, DayFigures.OPENED, DayFigures.FEE_INCOME)));
        rows.addAll(jdbc.query("SELECT SUM(items), SUM(amount) FROM branch_day_figure WHERE business_date = ?"
                        + where(branch) + " AND figure = ? HAVING COUNT(*) > 0",
                row -> List.of(unit, "report.item." + DayFigures.DEPOSITS, String.valueOf(row.getLong(1)),
                        money(row.getBigDecimal(2))),
                branch == null ? new Object[] {to, DayFigures.DEPOSITS} : new Object[] {to, branch, DayFigures.DEPOSITS}));
        return rows;
    }

    /** Deposits (or dormant accounts) per branch and deposit ledger at the end of {@code day}. */
    private List<List<String>> figures(String figure, LocalDate day, String branch, boolean withCustomerType) {
        Object[] params = branch == null ? new Object[] {day, figure} : new Object[] {day, branch, figure};
        return jdbc.query("SELECT branch_code, item, items, amount FROM branch_day_figure WHERE business_date = ?"
                + where(branch) + " AND figure = ? ORDER BY branch_code, item", row -> {
                    String ledger = row.getString(2);
                    List<String> cells = new ArrayList<>(List.of(row.getString(1), "gl." + ledger));
                    if (withCustomerType) {
                        cells.add("customer.type." + (INDIVIDUAL_LEDGERS.contains(ledger) ? "INDIVIDUAL" : "CORPORATE"));
                    }
                    cells.add(String.valueOf(row.getLong(3)));
                    cells.add(money(row.getBigDecimal(4)));
                    return List.copyOf(cells);
                }, params);
    }

    private List<List<String>> feeIncome(LocalDate from, LocalDate to, String branch) {
        return jdbc.query("SELECT branch_code, item, SUM(items), SUM(amount) FROM branch_day_figure WHERE business_date "
                        + "BETWEEN ? AND ?" + where(branch) + " AND figure = ? GROUP BY branch_code, item "
                        + "ORDER BY branch_code, item",
                row -> List.of(row.getString(1), "txType." + row.getString(2), String.valueOf(row.getLong(3)),
                        money(row.getBigDecimal(4))), params(from, to, branch, DayFigures.FEE_INCOME));
    }

    /** Accounts opened per account type, then accounts closed (their closing postings). */
    private List<List<String>> openings(LocalDate from, LocalDate to, String branch) {
        List<List<String>> rows = new ArrayList<>(jdbc.query("SELECT branch_code, item, SUM(items) FROM branch_day_figure "
                        + "WHERE business_date BETWEEN ? AND ?" + where(branch) + " AND figure = ? GROUP BY branch_code, "
                        + "item ORDER BY branch_code, item",
                row -> List.of(row.getString(1), "account.type." + row.getString(2), String.valueOf(row.getLong(3))),
                params(from, to, branch, DayFigures.OPENED)));
        rows.addAll(jdbc.query("SELECT branch_code, SUM(entries) FROM activity_hour WHERE business_date BETWEEN ? AND ?"
                        + where(branch) + " AND entry_type = 'ACCOUNT_CLOSING' GROUP BY branch_code ORDER BY branch_code",
                row -> List.of(row.getString(1), "report.item.CLOSED", String.valueOf(row.getLong(2))),
                params(from, to, branch)));
        return rows;
    }

    /** Large cash per day of the period, of the caller's branch (the anti-money-laundering list, IDs masked). */
    private List<List<String>> largeCash(LocalDate from, LocalDate to, String branch) {
        currentUser.get().requireBranch(branch == null ? BANK : branch); // the list is of the caller's branch
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            largeCash.report(day).forEach(r -> rows.add(List.of(r.businessDate().toString(), r.customerName(),
                    r.idNumber(), r.accountNumber(), "txType." + r.type(), "largeCash." + r.direction(), r.amount(),
                    r.teller())));
        }
        return rows;
    }

    /** Every reversal (冲正) of the period: the entry, the entry it reversed, who, why and how much. */
    private List<List<String>> reversals(LocalDate from, LocalDate to, String branch) {
        return jdbc.query("SELECT e.business_date, e.branch_code, e.id, e.reverses_entry, e.teller, e.reason, "
                        + "(SELECT SUM(l.amount) FROM journal_line l WHERE l.entry_id = e.id AND l.side = 'DEBIT') "
                        + "FROM journal_entry e WHERE e.business_date BETWEEN ? AND ?"
                        + (branch == null ? " AND e.branch_code" + Branches.REAL : " AND e.branch_code = ?")
                        + " AND e.entry_type = 'REVERSAL' "
                        + "ORDER BY e.business_date, e.id",
                row -> List.of(row.getDate(1).toLocalDate().toString(), row.getString(2), String.valueOf(row.getLong(3)),
                        String.valueOf(row.getLong(4)), row.getString(5), row.getString(6) == null ? "" : row.getString(6),
                        money(row.getBigDecimal(7))), params(from, to, branch));
    }

    /** Per teller: how many customers rated the service, the average score (of 5), how many were unsatisfied (1 or 2). */
    private List<List<String>> ratings(LocalDate from, LocalDate to, String branch) {
        return jdbc.query("SELECT branch_code, teller, COUNT(*), SUM(score), SUM(CASE WHEN score <= 2 THEN 1 ELSE 0 END) "
                        + "FROM service_rating WHERE business_date BETWEEN ? AND ?" + where(branch)
                        + " GROUP BY branch_code, teller ORDER BY branch_code, teller",
                row -> List.of(row.getString(1), row.getString(2), String.valueOf(row.getLong(3)),
                        BigDecimal.valueOf(row.getLong(4)).divide(BigDecimal.valueOf(row.getLong(3)), 2,
                                RoundingMode.HALF_UP).toPlainString(), String.valueOf(row.getLong(5))),
                params(from, to, branch));
    }

    private static String money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
