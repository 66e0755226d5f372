package bank.teller.report;

import bank.teller.approval.application.Approvals;
import bank.teller.approval.application.ApprovalView;
import bank.teller.integration.DeadLetters;
import bank.teller.integration.ParkedPostings;
import bank.teller.platform.Jdbc;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Pdfs;
import bank.teller.till.application.TillView;
import bank.teller.till.application.Tills;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each role sees first after signing in (issue 19): the teller their till and day, the
 * supervisor their branch today and its last 30 business days, the auditor the sign-in failures and
 * refusals, operations the backlogs. Read from the summary tables ({@link Activity}, {@link DayFigures},
 * the audit chainer's counts) and the small tables of today, never by scanning the journal or the audit
 * trail. Amounts are two-decimal strings.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Dashboards {

    /** How many closed business days the branch's history shows. */
    public static final int HISTORY_DAYS = 30;
    static final String REVERSAL = "REVERSAL";

    public record TypeFigure(String type, long entries, String amount) {
    }

    public record HourFigure(int hour, String type, long entries, String amount) {
    }

    /** A closed business day of the branch: its postings, accounts opened, fee income and deposits at its end. */
    public record DayFigure(LocalDate date, long entries, String amount, long opened, String feeIncome, String deposits) {
    }

    public record ItemFigure(String item, long items, String amount) {
    }

    public record TillCash(String tillCode, String teller, String status, String cash, boolean overLimit) {
    }

    public record TellerDashboard(LocalDate businessDate, TillView till, List<TypeFigure> today, long entries,
                                  String amount, List<ApprovalView> waiting) {
    }

    public record BranchDashboard(String branchCode, LocalDate businessDate, List<HourFigure> hours,
                                  List<TypeFigure> today, long entries, String amount, List<TillCash> tills,
                                  String tillLimit, String vaultCash, String vaultLimit, boolean vaultOverLimit,
                                  int approvalsWaiting, long oldestWaitMinutes, long largeCash, long reversals,
                                  int tellersAtWork, List<DayFigure> days, LocalDate depositsOn,
                                  List<ItemFigure> deposits) {
    }

    public record DayCount(LocalDate day, long records) {
    }

    public record AuditDashboard(LocalDate day, long signInFailures, long refusals, List<DayCount> signInFailuresByDay,
                                 List<ItemFigure> refusedToday, long unchained) {
    }

    public record OperationsDashboard(LocalDate businessDate, long outboxPending, long outboxParked,
                                      List<DeadLetters.QueueDepth> queues, long openBreaks,
                                      List<ItemFigure> breaksByCategory, String lastReconciliation,
                                      LocalDate lastReconciledDay, long branchesOpen, long branches,
                                      long activityBacklog) {
    }

    @Inject
    private Jdbc jdbc;
    @Inject
    private CurrentUser currentUser;
    @Inject
    private BusinessCalendar calendar;
    @EJB
    private Tills tills;
    @EJB
    private Approvals approvals;
    @EJB
    private DeadLetters deadLetters;
    @EJB
    private ParkedPostings parkedPostings;

    private final Clock clock = Clock.systemUTC();

    /** The teller's till, their postings of today by type, their requests waiting for a supervisor. */
    @RolesAllowed({Roles.TELLER, Roles.SUPERVISOR})
    public TellerDashboard teller() {
        AppUser me = currentUser.get();
        LocalDate today = calendar.today();
        List<TypeFigure> types = jdbc.query("SELECT entry_type, entries, amount FROM activity_teller WHERE branch_code = ? "
                        + "AND business_date = ? AND teller = ? ORDER BY entries DESC, entry_type",
                row -> new TypeFigure(row.getString(1), row.getLong(2), money(row.getBigDecimal(3))),
                me.branchCode(), today, me.username());
        return new TellerDashboard(today, tills.current(), types, types.stream().mapToLong(TypeFigure::entries).sum(),
                total(types), approvals.mine());
    }

    /** The supervisor's branch today (by hour and type, cash, approvals, tellers) and its last closed days. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    public BranchDashboard branch() {
        String branch = currentUser.get().branchCode();
        LocalDate today = calendar.today();
        List<Object[]> hourRows = jdbc.query("SELECT hour_of_day, entry_type, entries, amount, large_cash FROM activity_hour "
                        + "WHERE branch_code = ? AND business_date = ? ORDER BY hour_of_day, entry_type",
                row -> new Object[] {row.getInt(1), row.getString(2), row.getLong(3), row.getBigDecimal(4), row.getLong(5)},
                branch, today);
        List<HourFigure> hours = new ArrayList<>();
        Map<String, Object[]> byType = new LinkedHashMap<>();
        long largeCash = 0;
        for (Object[] r : hourRows) {
            hours.add(new HourFigure((Integer) r[0], (String) r[1], (Long) r[2], money((BigDecimal) r[3])));
            Object[] sum = byType.computeIfAbsent((String) r[1], t -> new Object[] {0L, BigDecimal.ZERO});
            sum[0] = (Long) sum[0] + (Long) r[2];
            sum[1] = ((BigDecimal) sum[1]).add((BigDecimal) r[3]);
            largeCash += (Long) r[4];
        }
        List<TypeFigure> types = byType.entrySet().stream()
                .map(e -> new TypeFigure(e.getKey(), (Long) e.getValue()[0], money((BigDecimal) e.getValue()[1])))
                .sorted((a, b) -> Long.compare(b.entries(), a.entries())).toList();
        BigDecimal[] limits = jdbc.query("SELECT till_cash_limit, vault_cash_limit FROM branch WHERE code = ?",
                row -> new BigDecimal[] {row.getBigDecimal(1), row.getBigDecimal(2)}, branch).get(0);
        BigDecimal vault = jdbc.query("SELECT cash FROM branch_vault WHERE branch_code = ?", row -> row.getBigDecimal(1),
                branch).stream().findFirst().orElse(BigDecimal.ZERO);
        List<TillCash> cash = tills.branchTills().stream().map(t -> new TillCash(t.tillCode(), t.teller(), t.status(),
                t.position(), new BigDecimal(t.position()).compareTo(limits[0]) > 0)).toList();
        List<ApprovalView> waiting = approvals.pending();
        Instant now = clock.instant();
        long oldest = waiting.stream().map(ApprovalView::createdAt).min(Instant::compareTo)
                .map(created -> Duration.between(created, now).toMinutes()).orElse(0L);
        long reversals = types.stream().filter(t -> REVERSAL.equals(t.type())).mapToLong(TypeFigure::entries).sum();
        int atWork = (int) cash.stream().filter(t -> "OPEN".equals(t.status())).count();
        return new BranchDashboard(branch, today, hours, types, types.stream().mapToLong(TypeFigure::entries).sum(),
                total(types), cash, money(limits[0]), money(vault), money(limits[1]), vault.compareTo(limits[1]) > 0,
                waiting.size(), oldest, largeCash, reversals, atWork, days(branch, today), depositsDay(branch),
                deposits(branch));
    }

    /** The last {@link #HISTORY_DAYS} closed business days of the branch, oldest first. */
    private List<DayFigure> days(String branch, LocalDate today) {
        LocalDate from = today.minusDays(HISTORY_DAYS * 2L);
        Map<LocalDate, Object[]> days = new LinkedHashMap<>();
        jdbc.query("SELECT business_date, SUM(entries), SUM(amount) FROM activity_hour WHERE branch_code = ? "
                        + "AND business_date >= ? AND business_date < ? GROUP BY business_date ORDER BY business_date",
                row -> days.put(row.getDate(1).toLocalDate(), new Object[] {row.getLong(2), row.getBigDecimal(3), 0L,
                        BigDecimal.ZERO, BigDecimal.ZERO}), branch, from, today);
        jdbc.query("SELECT business_date, figure, SUM(items), SUM(amount) FROM branch_day_figure WHERE branch_code = ? "
                        + "AND business_date >= ? AND business_date < ? AND figure IN (?, ?, ?) "
                        + "GROUP BY business_date, figure", row -> {
                    Object[] day = days.computeIfAbsent(row.getDate(1).toLocalDate(), d -> new Object[] {0L,
                            BigDecimal.ZERO, 0L, BigDecimal.ZERO, BigDecimal.ZERO});
                    switch (row.getString(2)) {
                        case DayFigures.OPENED -> day[2] = row.getLong(3);
                        case DayFigures.FEE_INCOME -> day[3] = row.getBigDecimal(4);
                        default -> day[4] = row.getBigDecimal(4);
                    }
                    return day;
                }, branch, from, today, DayFigures.OPENED, DayFigures.FEE_INCOME, DayFigures.DEPOSITS);
        List<DayFigure> figures = days.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new DayFigure(e.getKey(), (Long) e.getValue()[0], money((BigDecimal) e.getValue()[1]),
                        (Long) e.getValue()[2], money((BigDecimal) e.getValue()[3]), money((BigDecimal) e.getValue()[4])))
                .toList();
        return figures.subList(Math.max(0, figures.size() - HISTORY_DAYS), figures.size());
    }

    private LocalDate depositsDay(String branch) {
        return jdbc.query("SELECT MAX(business_date) FROM branch_day_figure WHERE branch_code = ? AND figure = ?",
                row -> row.getDate(1) == null ? null : row.getDate(1).toLocalDate(), branch, DayFigures.DEPOSITS).get(0);
    }

    /** The branch's deposits per deposit ledger at the end of its last closed day. */
    private List<ItemFigure> deposits(String branch) {
        return jdbc.query("SELECT item, items, amount FROM branch_day_figure WHERE branch_code = ? AND figure = ? "
                        + "AND business_date = (SELECT MAX(business_date) FROM branch_day_figure WHERE branch_code = ? "
                        + "AND figure = ?) ORDER BY item",
                row -> new ItemFigure(row.getString(1), row.getLong(2), money(row.getBigDecimal(3))),
                branch, DayFigures.DEPOSITS, branch, DayFigures.DEPOSITS);
    }

    /** Sign-in failures of the last week, refusals of today by action, records not yet chained. */
    @RolesAllowed(Roles.AUDITOR)
    public AuditDashboard audit() {
        LocalDate day = LocalDate.now(clock.withZone(Pdfs.BANK_ZONE));
        List<DayCount> failures = jdbc.query("SELECT occurred_on, SUM(records) FROM audit_day_count WHERE action = 'SIGN_IN' "
                        + "AND outcome <> 'SUCCESS' AND occurred_on > ? GROUP BY occurred_on ORDER BY occurred_on",
                row -> new DayCount(row.getDate(1).toLocalDate(), row.getLong(2)), day.minusDays(7));
        List<ItemFigure> refused = jdbc.query("SELECT action, records FROM audit_day_count WHERE occurred_on = ? "
                        + "AND outcome = 'REFUSED' ORDER BY records DESC, action",
                row -> new ItemFigure(row.getString(1), row.getLong(2), null), day);
        long unchained = jdbc.query("SELECT COUNT(*) FROM audit_record WHERE chain_seq IS NULL", row -> row.getLong(1)).get(0);
        long todayFailures = failures.stream().filter(f -> f.day().equals(day)).mapToLong(DayCount::records).sum();
        return new AuditDashboard(day, todayFailures, refused.stream().mapToLong(ItemFigure::items).sum(), failures,
                refused, unchained);
    }

    /** The backlogs operations watch: the core outbox, the queues, reconciliation breaks, branches still open. */
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.AUDITOR})
    public OperationsDashboard operations() {
        ParkedPostings.OutboxDepth outbox = parkedPostings.depth();
        List<ItemFigure> breaks = jdbc.query("SELECT category, COUNT(*) FROM core_break WHERE status = 'OPEN' "
                + "GROUP BY category ORDER BY category", row -> new ItemFigure(row.getString(1), row.getLong(2), null));
        List<Object[]> last = jdbc.query("SELECT business_date, status FROM core_reconciliation ORDER BY business_date DESC"
                + Jdbc.firstRows(1), row -> new Object[] {row.getDate(1).toLocalDate(), row.getString(2)});
        LocalDate today = calendar.today();
        long branches = jdbc.query("SELECT COUNT(*) FROM branch", row -> row.getLong(1)).get(0);
        long closed = jdbc.query("SELECT COUNT(*) FROM branch_day WHERE business_date = ?", row -> row.getLong(1), today).get(0);
        long backlog = jdbc.query("SELECT COUNT(*) FROM activity_delta", row -> row.getLong(1)).get(0);
        return new OperationsDashboard(today, outbox.pending(), outbox.parked(), deadLetters.depths(),
                breaks.stream().mapToLong(ItemFigure::items).sum(), breaks,
                last.isEmpty() ? null : (String) last.get(0)[1], last.isEmpty() ? null : (LocalDate) last.get(0)[0],
                branches - closed, branches, backlog);
    }

    private static String total(List<TypeFigure> types) {
        return types.stream().map(t -> new BigDecimal(t.amount())).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
