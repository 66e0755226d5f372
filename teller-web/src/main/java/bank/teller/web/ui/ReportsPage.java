package bank.teller.web.ui;

import bank.teller.report.ReportView;
import bank.teller.report.ReportView.Kind;
import bank.teller.report.Reports;
import bank.teller.shared.BusinessCalendar;
import bank.teller.shared.Dates;
import bank.teller.web.ReportExports;
import bank.teller.web.ui.Charts.Series;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The reports screen (报表): a report, its period and branch (an auditor may name any branch, or "*"
 * for the bank), the table with its totals, a chart of its main figure, and the exports (Excel, PDF,
 * CSV) in the screen's language. A closed day's report says it is the copy end of day kept.
 */
@Named
@ViewScoped
public class ReportsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Reports reports;
    @Inject
    private BusinessCalendar calendar;

    private String report = Reports.Report.DAILY_BUSINESS.name();
    private String from;
    private String to;
    private String branch;
    private ReportView view;

    public void init() {
        if (from == null) {
            from = calendar.today().toString();
            to = from;
        }
        show();
    }

    public void show() {
        view = Screens.attempt("report:from", () -> reports.report(report, Dates.optional("from", from),
                Dates.optional("to", to == null || to.isBlank() ? from : to), branch));
    }

    private ReportExports export() {
        return new ReportExports(view, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public List<String> getReports() {
        return Arrays.stream(Reports.Report.values()).map(Enum::name).toList();
    }

    public ReportView getView() {
        return view;
    }

    public List<String> getHeaders() {
        return view == null ? List.of() : export().headers();
    }

    public List<Integer> getColumnIndexes() {
        return view == null ? List.of() : IntStream.range(0, view.columns().size()).boxed().toList();
    }

    public List<List<String>> getRows() {
        return view == null ? List.of() : export().shownRows();
    }

    public List<String> getTotals() {
        return view == null ? List.of() : export().totals();
    }

    public boolean numeric(int column) {
        Kind kind = view.columns().get(column).kind();
        return kind == Kind.COUNT || kind == Kind.AMOUNT;
    }

    public String getTitle() {
        return view == null ? "" : export().title();
    }

    public List<String> getHeading() {
        return view == null ? List.of() : export().heading();
    }

    /** Where the report downloads as {@code extension} (xlsx, pdf, csv) in the screen's language. */
    public String download(String extension) {
        if (view == null) {
            return "#";
        }
        String lang = Screens.chinese() ? "zh" : "en";
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/reports/business/"
                + view.report() + "." + extension + "?from=" + view.from() + "&to=" + view.to() + "&branch="
                + URLEncoder.encode(view.branchCode() == null ? "*" : view.branchCode(), StandardCharsets.UTF_8)
                + "&lang=" + lang;
    }

    /**
     * The chart of the report's main figure by its first label (or teller): amounts for balances and fee
     * income, else counts; the daily report's own summary lines (opened, fees, deposits) left out.
     */
    public String getChart() {
        if (view == null || view.rows().isEmpty()) {
            return null;
        }
        int category = firstOf(Kind.LABEL);
        if (category < 0) {
            category = view.columns().stream().map(ReportView.Column::key).toList().indexOf("teller");
        }
        boolean amounts = List.of("DEPOSIT_BALANCES", "FEE_INCOME", "DORMANT_ACCOUNTS").contains(view.report());
        int value = amounts ? view.columns().size() - 1 : firstOf(Kind.COUNT);
        if (category < 0 || value < 0) {
            return null;
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        List<List<String>> shown = export().shownRows();
        for (int i = 0; i < view.rows().size(); i++) {
            if (!view.rows().get(i).get(category).startsWith("report.item.")) {
                sums.merge(shown.get(i).get(category), new BigDecimal(view.rows().get(i).get(value)), BigDecimal::add);
            }
        }
        return Charts.bar(List.copyOf(sums.keySet()), List.of(new Series(export().headers().get(value),
                List.copyOf(sums.values()))), false);
    }

    private int firstOf(Kind kind) {
        for (int i = 0; i < view.columns().size(); i++) {
            if (view.columns().get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }
}
