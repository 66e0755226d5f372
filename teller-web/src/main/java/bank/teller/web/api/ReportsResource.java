package bank.teller.web.api;

import bank.teller.aml.LargeCash;
import bank.teller.ledger.application.LedgerCheck;
import bank.teller.ledger.application.TrialBalance;
import bank.teller.report.ReportView;
import bank.teller.report.Reports;
import bank.teller.shared.BusinessCalendar;
import bank.teller.web.ReportExports;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Supervisors' and auditors' reports: the day's large cash transactions (大额现金交易) as JSON or CSV,
 * the books checked against each other at any time of the day, and the business reports (报表) as JSON,
 * CSV, Excel and PDF.
 */
@Path("/v1/reports")
@RequestScoped
public class ReportsResource {

    @EJB
    private LargeCash largeCash;
    @EJB
    private TrialBalance trialBalance;
    @EJB
    private Reports reports;
    @Inject
    private BusinessCalendar calendar;

    /**
     * The books compared now (账账、账实核对): each till's cash with its till-cash lines, the GL control
     * accounts with the accounts' balances, each account with its journal lines; {@code findings}
     * empty when they all agree. End of day runs the same comparison as its trial-balance step.
     */
    @GET
    @Path("/ledger-check")
    @Produces(MediaType.APPLICATION_JSON)
    public LedgerCheckView ledgerCheck() {
        LedgerCheck check = trialBalance.check();
        return new LedgerCheckView(check, check.balanced(), check.findings());
    }

    /** The check with its verdict, as answered. */
    public record LedgerCheckView(LedgerCheck check, boolean balanced, List<String> findings) {
    }

    /** {@code date} (yyyy-MM-dd) defaults to the business date. */
    @GET
    @Path("/large-cash")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response largeCash(@QueryParam("date") String date, @QueryParam("format") @DefaultValue("json") String format) {
        LocalDate day = Dates.optional("date", date);
        return switch (format) {
            case "json" -> Response.ok(largeCash.report(day), MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(largeCash.csv(day), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"large-cash.csv\"").build();
            default -> throw new TellerException(ErrorCode.VALIDATION_FAILED, "format", format);
        };
    }

    /**
     * A business report (报表: DAILY_BUSINESS 营业日报, DEPOSIT_BALANCES, FEE_INCOME, TELLER_WORKLOAD,
     * ACCOUNT_OPENINGS, DORMANT_ACCOUNTS, LARGE_CASH, REVERSALS) from {@code from} to {@code to}
     * (yyyy-MM-dd; both default to the business date, {@code to} to {@code from}) for {@code branch}
     * (default the caller's; "*" the whole bank, for auditors). One closed day's report is the copy end of
     * day kept ({@code kept} true). LABEL values are message keys; the exports put them into words.
     */
    @GET
    @Path("/business/{report: [A-Za-z_]+}") // not "X.csv": an export is never answered as JSON
    @Produces(MediaType.APPLICATION_JSON)
    public ReportView business(@PathParam("report") String report, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("branch") String branch) {
        LocalDate first = Dates.optional("from", from);
        LocalDate start = first == null ? calendar.today() : first;
        LocalDate last = Dates.optional("to", to);
        return reports.report(report, start, last == null ? start : last, branch);
    }

    /** The report as CSV (UTF-8), in {@code lang} (zh, the default, or en). */
    @GET
    @Path("/business/{report}.csv")
    @Produces("text/csv")
    public Response businessCsv(@PathParam("report") String report, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("branch") String branch,
                                @QueryParam("lang") String lang) {
        ReportExports export = export(report, from, to, branch, lang);
        return file(export.csv(), "text/csv; charset=UTF-8", export.fileName("csv"));
    }

    /** The report as an Excel workbook, in {@code lang}. */
    @GET
    @Path("/business/{report}.xlsx")
    @Produces(XLSX)
    public Response businessXlsx(@PathParam("report") String report, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("branch") String branch,
                                 @QueryParam("lang") String lang) {
        ReportExports export = export(report, from, to, branch, lang);
        return file(export.xlsx(), XLSX, export.fileName("xlsx"));
    }

    /** The report as PDF, in {@code lang}. */
    @GET
    @Path("/business/{report}.pdf")
    @Produces("application/pdf")
    public Response businessPdf(@PathParam("report") String report, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("branch") String branch,
                                @QueryParam("lang") String lang) {
        ReportExports export = export(report, from, to, branch, lang);
        return file(export.pdf(), "application/pdf", export.fileName("pdf"));
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportExports export(String report, String from, String to, String branch, String lang) {
        Locale locale = lang == null || lang.isBlank() || "zh".equals(lang) ? Locale.SIMPLIFIED_CHINESE
                : "en".equals(lang) ? Locale.ENGLISH : null;
        if (locale == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "lang", "zh or en");
        }
        return new ReportExports(business(report, from, to, branch), locale);
    }

    private static Response file(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
