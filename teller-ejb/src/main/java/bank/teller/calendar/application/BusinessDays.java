package bank.teller.calendar.application;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.platform.Branches;
import bank.teller.platform.Database;
import bank.teller.platform.Jdbc;
import bank.teller.security.AppUser;
import bank.teller.security.CurrentUser;
import bank.teller.security.Roles;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.StoredTime;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The business day of each branch and of the bank. A branch closes its day (网点轧账) when every
 * till is closed and balanced and no vault transfer waits; a supervisor of the branch may force the
 * close with a reason. End of day rolls the date (日切) once every branch has closed: a branch
 * without any till session that day has done no counter business and is closed by end of day itself.
 * A closed branch opens no till until the next business day.
 */
@Stateless
@RolesAllowed({Roles.TELLER, Roles.SUPERVISOR, Roles.AUDITOR})
public class BusinessDays {

    public static final String CLOSE = "BRANCH_DAY_CLOSE";
    public static final String FORCE_CLOSE = "BRANCH_DAY_FORCE_CLOSE";
    public static final String ROLL = "BUSINESS_DATE_ROLL";
    /** The system user end of day acts as (migration v031): it closes idle branches and books interest. */
    public static final String SYSTEM_USER = "end-of-day";
    public static final int REASON_MAX = 200;

    /**
     * A branch's business day: closed or not, by whom, and what stands in the way of closing it.
     */
    public record BranchDay(String branchCode, String branchName, LocalDate businessDate, boolean closed,
                            String closedBy, Instant closedAt, boolean forced, String reason, List<String> blockers) {
    }

    @Inject
    private Jdbc jdbc;
    @EJB
    private Database database;
    @Inject
    private BusinessCalendar calendar;
    @Inject
    private WorkingCalendar workingCalendar;
    @Inject
    private CurrentUser currentUser;
    @EJB
    private AuditTrail audit;
    @Inject
    private Branches trainingBranches;

    private final Clock clock = Clock.systemUTC();

    /** Every branch's day, by branch code. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<BranchDay> branches() {
        LocalDate today = calendar.today();
        return jdbc.query("SELECT code FROM branch ORDER BY code", row -> row.getString(1)).stream()
                .map(code -> day(code, today)).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public BranchDay branch(String code) {
        return day(requireBranch(code), calendar.today());
    }

    /**
     * Closes the branch's day, the caller being a supervisor of the branch; refused with
     * BRANCH_DAY_NOT_BALANCED naming every till and vault transfer still open. With a reason the
     * close is forced past them (audited with the reason). Closing a closed day again changes nothing.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public BranchDay close(String code, boolean force, String reason) {
        String branch = requireBranch(code);
        AppUser supervisor = currentUser.get();
        supervisor.requireBranch(branch);
        String why = force ? Text.required("reason", reason, REASON_MAX) : Text.optional("reason", reason, REASON_MAX);
        LocalDate today = calendar.today();
        lockBranch(branch); // closes and till openings of the branch take turns
        BranchDay day = day(branch, today);
        if (day.closed()) {
            return day;
        }
        if (!day.blockers().isEmpty() && !force) {
            throw new TellerException(ErrorCode.BRANCH_DAY_NOT_BALANCED, branch, String.join("; ", day.blockers()));
        }
        insertClose(branch, today, supervisor.username(), force && !day.blockers().isEmpty(), why);
        audit.record(force ? FORCE_CLOSE : CLOSE, branch, today + (why == null ? "" : ": " + why)
                + (day.blockers().isEmpty() ? "" : " (open: " + String.join("; ", day.blockers()) + ")"), AuditEvent.SUCCESS);
        return day(branch, today);
    }

    /**
     * For a till opening, under the branch's lock (in the caller's transaction): refuses
     * with BRANCH_DAY_CLOSED when the branch has closed today.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void requireOpen(String branch) {
        lockBranch(branch);
        LocalDate today = calendar.today();
        if (closedBy(branch, today) != null) {
            throw new TellerException(ErrorCode.BRANCH_DAY_CLOSED, branch, today);
        }
    }

    /**
     * End of day's check: answers the branches that have not closed their day and did counter
     * business today (a till session), each with what blocks it. When there is none, the branches
     * that did no counter business are closed here, and the training branches whatever they did (a
     * trainee's till left open never holds up the bank's day: forced, with what was open); otherwise
     * nothing is written.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<BranchDay> closeIdleBranches() {
        LocalDate today = calendar.today();
        List<BranchDay> open = new ArrayList<>();
        List<BranchDay> idle = new ArrayList<>();
        for (BranchDay day : branches()) {
            if (day.closed()) {
                continue;
            }
            lockBranch(day.branchCode());
            boolean didBusiness = !day.blockers().isEmpty() || jdbc.query("SELECT COUNT(*) FROM till_session "
                    + "WHERE branch_code = ? AND business_date = ?", row -> row.getLong(1), day.branchCode(), today).get(0) > 0;
            if (didBusiness && !trainingBranches.training(day.branchCode())) {
                open.add(day);
            } else {
                idle.add(day);
            }
        }
        if (open.isEmpty()) {
            for (BranchDay day : idle) {
                boolean training = trainingBranches.training(day.branchCode());
                insertClose(day.branchCode(), today, SYSTEM_USER, !day.blockers().isEmpty(), !training
                        ? "no counter business" : Text.abbreviated("training branch" + (day.blockers().isEmpty() ? ""
                        : ": " + String.join("; ", day.blockers())), REASON_MAX - 1));
            }
        }
        return open;
    }

    /**
     * The date roll (日切): today becomes the next business day, once every branch has closed
     * (END_OF_DAY_BRANCHES_OPEN otherwise) and every posting in flight has committed. Answers the
     * business date after it; {@code closing} is the day the run closes, so a run that rolled
     * already answers without rolling again.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public LocalDate roll(LocalDate closing) {
        LocalDate today = calendar.today();
        if (!today.equals(closing)) {
            return today;
        }
        List<String> open = jdbc.query("SELECT code FROM branch b WHERE NOT EXISTS (SELECT 1 FROM branch_day d "
                + "WHERE d.branch_code = b.code AND d.business_date = ?) ORDER BY code", row -> row.getString(1), today);
        if (!open.isEmpty()) {
            throw new TellerException(ErrorCode.END_OF_DAY_BRANCHES_OPEN, today, String.join(", ", open));
        }
        LocalDate next = workingCalendar.days().next(today);
        if (!calendar.roll(today, next)) {
            return calendar.today();
        }
        audit.record(ROLL, today.toString(), today + " -> " + next, AuditEvent.SUCCESS);
        return next;
    }

    /**
     * Starts of end of day take turns (the business day's row locked until the caller's transaction
     * ends), so two supervisors cannot both find no run going and both start one; answers today.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public LocalDate lockForEndOfDay() {
        return jdbc.query("SELECT business_date FROM business_day WHERE id = 1" + database.forUpdate(),
                row -> row.getObject(1, LocalDate.class)).get(0);
    }

    private BranchDay day(String branch, LocalDate today) {
        List<String> blockers = new ArrayList<>();
        jdbc.query("SELECT till_code, teller, status, business_date FROM till_session WHERE branch_code = ? "
                        + "AND status <> 'CLOSED' ORDER BY till_code", row -> "till " + row.getString(1) + " ("
                        + row.getString(2) + ") " + row.getString(3) + " since " + row.getObject(4, LocalDate.class),
                branch).forEach(blockers::add);
        jdbc.query("SELECT v.id, v.direction, v.amount, s.till_code FROM vault_transfer v JOIN till_session s "
                        + "ON s.id = v.session_id WHERE s.branch_code = ? AND v.status = 'REQUESTED' ORDER BY v.id",
                row -> "vault transfer " + row.getLong(1) + " (" + row.getString(2) + " " + row.getBigDecimal(3)
                        + ", till " + row.getString(4) + ") awaits the vault keeper", branch).forEach(blockers::add);
        String name = jdbc.query("SELECT name_zh FROM branch WHERE code = ?", row -> row.getString(1), branch).get(0);
        List<BranchDay> closed = jdbc.query("SELECT closed_by, closed_at, forced, reason FROM branch_day "
                        + "WHERE branch_code = ? AND business_date = ?", row -> new BranchDay(branch, name, today, true,
                        row.getString(1), StoredTime.instant(row.getObject(2)), row.getBoolean(3), row.getString(4),
                        List.copyOf(blockers)), branch, today);
        return closed.isEmpty() ? new BranchDay(branch, name, today, false, null, null, false, null, List.copyOf(blockers))
                : closed.get(0);
    }

    private String closedBy(String branch, LocalDate today) {
        return jdbc.query("SELECT closed_by FROM branch_day WHERE branch_code = ? AND business_date = ?",
                row -> row.getString(1), branch, today).stream().findFirst().orElse(null);
    }

    private void insertClose(String branch, LocalDate today, String by, boolean forced, String reason) {
        jdbc.update("INSERT INTO branch_day (branch_code, business_date, closed_by, closed_at, forced, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?)", branch, today, by, StoredTime.now(clock), forced, reason);
    }

    private void lockBranch(String branch) {
        jdbc.query("SELECT code FROM branch WHERE code = ?" + database.forUpdate(), row -> null, branch);
    }

    private String requireBranch(String code) {
        String branch = Text.required("branch", code, 4);
        if (jdbc.query("SELECT code FROM branch WHERE code = ?", row -> row.getString(1), branch).isEmpty()) {
            throw new TellerException(ErrorCode.BRANCH_NOT_FOUND, branch);
        }
        return branch;
    }
}
