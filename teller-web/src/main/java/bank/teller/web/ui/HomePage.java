package bank.teller.web.ui;

import bank.teller.batch.BatchJobs;
import bank.teller.batch.EndOfDayView;
import bank.teller.integration.DeadLetters;
import bank.teller.report.Dashboards;
import bank.teller.report.Dashboards.AuditDashboard;
import bank.teller.report.Dashboards.BranchDashboard;
import bank.teller.report.Dashboards.DayFigure;
import bank.teller.report.Dashboards.HourFigure;
import bank.teller.report.Dashboards.OperationsDashboard;
import bank.teller.report.Dashboards.TellerDashboard;
import bank.teller.web.ui.Charts.Series;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The home page after sign-in (首页), one dashboard per role: the teller's till and day; the
 * supervisor's branch today (refreshed while it is open) and its last 30 business days; the auditor's
 * sign-in failures and refusals; operations' backlogs and end of day. Figures from {@link Dashboards}
 * (summary tables), charts drawn by Chart.js through {@code p:chart}.
 */
@Named
@ViewScoped
public class HomePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Dashboards dashboards;
    @EJB
    private BatchJobs jobs;
    @Inject
    private SessionInfo session;

    private TellerDashboard teller;
    private BranchDashboard branch;
    private AuditDashboard audit;
    private OperationsDashboard operations;
    private EndOfDayView endOfDay;

    public void load() {
        teller = session.isCounter() && !session.isSupervisor() ? Screens.attempt(null, dashboards::teller) : null;
        branch = session.isSupervisor() ? Screens.attempt(null, dashboards::branch) : null;
        audit = session.isAuditor() ? Screens.attempt(null, dashboards::audit) : null;
        operations = session.isAdmin() ? Screens.attempt(null, dashboards::operations) : null;
        endOfDay = session.isAdmin() || session.isAuditor() ? Screens.attempt(null, () -> jobs.endOfDay().orElse(null)) : null;
    }

    public TellerDashboard getTeller() {
        return teller;
    }

    public BranchDashboard getBranch() {
        return branch;
    }

    public AuditDashboard getAudit() {
        return audit;
    }

    public OperationsDashboard getOperations() {
        return operations;
    }

    public EndOfDayView getEndOfDay() {
        return endOfDay;
    }

    /** The last end of day's audit step (seal and verification), or null. */
    public EndOfDayView.Step getAuditStep() {
        return endOfDay == null ? null : endOfDay.steps().stream().filter(s -> "audit".equals(s.name())).findFirst()
                .orElse(null);
    }

    /** The teller's postings of today by type. */
    public String getTellerChart() {
        return teller == null ? null : Charts.doughnut(teller.today().stream().map(t -> type(t.type())).toList(),
                teller.today().stream().map(Dashboards.TypeFigure::entries).toList());
    }

    /** The branch's postings of today per hour, stacked by type. */
    public String getHourChart() {
        if (branch == null) {
            return null;
        }
        TreeSet<Integer> present = new TreeSet<>(branch.hours().stream().map(HourFigure::hour).toList());
        int first = Math.min(8, present.isEmpty() ? 8 : present.first());
        int last = Math.max(17, present.isEmpty() ? 17 : present.last());
        List<Integer> hours = IntStream.rangeClosed(first, last).boxed().toList();
        Map<String, long[]> byType = new TreeMap<>();
        for (HourFigure h : branch.hours()) {
            byType.computeIfAbsent(h.type(), t -> new long[hours.size()])[h.hour() - first] += h.entries();
        }
        List<Series> series = new ArrayList<>();
        byType.forEach((type, counts) -> series.add(new Series(type(type), Arrays.stream(counts).boxed().toList())));
        return Charts.bar(hours.stream().map(h -> String.format("%02d:00", h)).toList(), series, true);
    }

    /** Each till's cash against the till limit. */
    public String getTillChart() {
        if (branch == null) {
            return null;
        }
        BigDecimal limit = new BigDecimal(branch.tillLimit());
        return Charts.bar(branch.tills().stream().map(t -> t.tillCode() + " " + t.teller()).toList(), List.of(
                new Series(text("home.tillCash"), branch.tills().stream().map(t -> new BigDecimal(t.cash())).toList()),
                new Series(text("home.tillLimit"), branch.tills().stream().map(t -> limit).toList())), false);
    }

    /** Postings per closed business day, the last 30. */
    public String getDaysChart() {
        if (branch == null) {
            return null;
        }
        return Charts.line(days(), List.of(new Series(text("home.entries"),
                branch.days().stream().map(DayFigure::entries).toList())));
    }

    /** Accounts opened per closed business day. */
    public String getOpenedChart() {
        if (branch == null) {
            return null;
        }
        return Charts.bar(days(), List.of(new Series(text("home.opened"),
                branch.days().stream().map(DayFigure::opened).toList())), false);
    }

    /** Fee income per closed business day. */
    public String getFeeChart() {
        if (branch == null) {
            return null;
        }
        return Charts.line(days(), List.of(new Series(text("home.feeIncome"),
                branch.days().stream().map(d -> new BigDecimal(d.feeIncome())).toList())));
    }

    /** Deposits per deposit ledger at the end of the last closed day. */
    public String getDepositsChart() {
        if (branch == null) {
            return null;
        }
        return Charts.doughnut(branch.deposits().stream().map(d -> text("gl." + d.item())).toList(),
                branch.deposits().stream().map(d -> new BigDecimal(d.amount())).toList());
    }

    /** Sign-in failures per day of the last week. */
    public String getSignInChart() {
        if (audit == null) {
            return null;
        }
        return Charts.bar(audit.signInFailuresByDay().stream().map(d -> d.day().toString()).toList(), List.of(new Series(
                text("home.signInFailures"), audit.signInFailuresByDay().stream().map(Dashboards.DayCount::records).toList())),
                false);
    }

    /** Today's refusals by action. */
    public String getRefusedChart() {
        if (audit == null) {
            return null;
        }
        return Charts.bar(audit.refusedToday().stream().map(Dashboards.ItemFigure::item).toList(), List.of(new Series(
                text("home.refusals"), audit.refusedToday().stream().map(Dashboards.ItemFigure::items).toList())), false);
    }

    /** Messages waiting and dead per queue. */
    public String getQueuesChart() {
        if (operations == null) {
            return null;
        }
        return Charts.bar(operations.queues().stream().map(DeadLetters.QueueDepth::queue).toList(), List.of(
                new Series(text("home.waiting"), operations.queues().stream().map(q -> q.waiting() == null ? 0 : q.waiting()).toList()),
                new Series(text("home.dead"), operations.queues().stream().map(DeadLetters.QueueDepth::dead).toList())), false);
    }

    private List<String> days() {
        return branch.days().stream().map(d -> d.date().toString().substring(5)).toList();
    }

    private static String type(String type) {
        return text("txType." + type);
    }

    private static String text(String key) {
        ResourceBundle bundle = ResourceBundle.getBundle("bank.teller.web.messages",
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}
