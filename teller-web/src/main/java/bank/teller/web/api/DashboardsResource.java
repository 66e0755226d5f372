package bank.teller.web.api;

import bank.teller.report.Dashboards;
import bank.teller.report.Dashboards.AuditDashboard;
import bank.teller.report.Dashboards.BranchDashboard;
import bank.teller.report.Dashboards.OperationsDashboard;
import bank.teller.report.Dashboards.TellerDashboard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The role dashboards' figures (首页概览), as the home page shows them: the teller's till and day, the
 * supervisor's branch today and its last 30 closed business days, the auditor's sign-in failures and
 * refusals, operations' backlogs. Read from summary tables kept by the posting path and end of day.
 */
@Path("/v1/dashboards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DashboardsResource {

    @EJB
    private Dashboards dashboards;

    @GET
    @Path("teller")
    public TellerDashboard teller() {
        return dashboards.teller();
    }

    @GET
    @Path("branch")
    public BranchDashboard branch() {
        return dashboards.branch();
    }

    @GET
    @Path("audit")
    public AuditDashboard audit() {
        return dashboards.audit();
    }

    @GET
    @Path("operations")
    public OperationsDashboard operations() {
        return dashboards.operations();
    }
}
