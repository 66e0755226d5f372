package bank.teller.web.api;

import bank.teller.audit.AuditQueries.AuditView;
import bank.teller.audit.AuditQueries.Filter;
import bank.teller.audit.AuditQueries;
import bank.teller.audit.AuditSeals;
import bank.teller.audit.AuditVerifier;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The audit trail, for auditors: search, export (CSV), verification of the chains and seals, a seal now. */
@Path("/v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    private AuditQueries queries;
    @EJB
    private AuditVerifier verifier;
    @EJB
    private AuditSeals seals;

    /** Records matching every given part (times are ISO-8601 instants, UTC), newest first. */
    @GET
    @Path("/records")
    public List<AuditView> search(@QueryParam("actor") String actor, @QueryParam("subject") String subject,
                                  @QueryParam("action") String action, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("first") @DefaultValue("0") int first,
                                  @QueryParam("max") @DefaultValue("100") int max) {
        return queries.search(filter(actor, subject, action, from, to), first, max);
    }

    @GET
    @Path("/records.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("subject") String subject,
                           @QueryParam("action") String action, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        return Response.ok(queries.exportCsv(filter(actor, subject, action, from, to)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("/verification")
    public AuditVerifier.Report verify() {
        return verifier.verify();
    }

    @POST
    @Path("/seals")
    public Map<String, Long> seal() {
        return Map.of("sealId", seals.seal());
    }

    private static Filter filter(String actor, String subject, String action, String from, String to) {
        return new Filter(actor, subject, action, instant("from", from), instant("to", to));
    }

    private static Instant instant(String name, String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, name, text);
        }
    }
}
