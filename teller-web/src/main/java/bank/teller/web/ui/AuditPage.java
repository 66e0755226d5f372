package bank.teller.web.ui;

import bank.teller.audit.AuditQueries.AuditView;
import bank.teller.audit.AuditQueries.Filter;
import bank.teller.audit.AuditQueries;
import bank.teller.audit.AuditVerifier;
import bank.teller.shared.Pdfs;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The auditor's screen: search the trail by user, subject (an account, a user), action and dates; export; verify. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 200;

    @EJB
    private AuditQueries queries;
    @EJB
    private AuditVerifier verifier;

    private String actor;
    private String subject;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private List<AuditView> records = List.of();
    private long matching;
    private AuditVerifier.Report report;

    public void search() {
        Filter filter = filter();
        List<AuditView> found = Screens.attempt("audit:search", () -> queries.search(filter, 0, SHOWN));
        Long count = Screens.attempt("audit:search", () -> queries.count(filter));
        records = found == null ? List.of() : found;
        matching = count == null ? 0 : count;
    }

    public void verify() {
        report = Screens.attempt("audit:verify", verifier::verify);
    }

    /** The CSV export of the current filter (the API's, recorded in the trail when fetched). */
    public String getExportUrl() {
        Filter f = filter();
        StringBuilder query = new StringBuilder();
        append(query, "actor", f.actor());
        append(query, "subject", f.subject());
        append(query, "action", f.action());
        append(query, "from", f.from() == null ? null : f.from().toString());
        append(query, "to", f.to() == null ? null : f.to().toString());
        return "/api/v1/audit/records.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    private Filter filter() {
        return new Filter(actor, subject, action, startOf(from), to == null ? null : startOf(to.plusDays(1)));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Pdfs.BANK_ZONE).toInstant();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    public List<AuditView> getRecords() {
        return records;
    }

    public long getMatching() {
        return matching;
    }

    public AuditVerifier.Report getReport() {
        return report;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
