package bank.teller.web.api;

import bank.teller.batch.MigrationJobs;
import bank.teller.migration.MigrationFile;
import bank.teller.migration.MigrationView;
import bank.teller.migration.Migrations;
import bank.teller.shared.Csv;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.web.ErrorMessages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * Migration from the old system (业务迁移): {@code POST /api/v1/migrations} opens a batch for a branch;
 * {@code PUT .../{id}/files/{file}} stages each file the old system exported (text/csv, formats in the
 * README: customers, accounts, cards, timeDeposits, voucherStock, and controlTotals, the old system's
 * count and total per product); {@code POST .../{id}/import} starts the import, or resumes one that
 * stopped (202). {@code GET .../{id}} shows each file's rows imported, rejected and pending and the
 * control totals beside the old system's; {@code GET .../{id}/rejects} (JSON) and {@code .../rejects.csv}
 * are the report of rejected rows with their reasons; {@code POST .../{id}/sign-off} (a supervisor other
 * than the loader) and {@code .../discard} (the branch to be migrated again from scratch) close it.
 */
@Path("/v1/migrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MigrationsResource {

    /** The most a staged file may hold (bytes of UTF-8 CSV). */
    static final int MAX_FILE_BYTES = 32 << 20;

    /** Body of a new batch: the branch it migrates. */
    public record OpenRequest(String branchCode) {
    }

    /** A rejected row with its reason in words. */
    public record RejectView(String file, int line, String code, String message, String row) {
    }

    @EJB
    private Migrations migrations;
    @EJB
    private MigrationJobs jobs;
    @Context
    private HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(OpenRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(migrations.open(body == null ? null : body.branchCode())).build();
    }

    @PUT
    @Path("{id}/files/{file}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public MigrationView stage(@PathParam("id") long id, @PathParam("file") String file, InputStream body)
            throws IOException {
        byte[] csv = body.readNBytes(MAX_FILE_BYTES + 1);
        if (csv.length > MAX_FILE_BYTES) {
            throw new TellerException(ErrorCode.REQUEST_TOO_LARGE, MAX_FILE_BYTES);
        }
        String text = new String(csv, StandardCharsets.UTF_8);
        return MigrationFile.CONTROL_TOTALS.equals(file) ? migrations.stageControls(id, text)
                : migrations.stage(id, MigrationFile.ofField(file), text);
    }

    @POST
    @Path("{id}/import")
    public Response startImport(@PathParam("id") long id) {
        jobs.process(id);
        return Response.accepted(migrations.view(id)).build();
    }

    @GET
    public List<MigrationView> ofBranch(@QueryParam("branch") String branchCode) {
        return migrations.ofBranch(branchCode);
    }

    @GET
    @Path("{id}")
    public MigrationView view(@PathParam("id") long id) {
        return migrations.view(id);
    }

    @GET
    @Path("{id}/rejects")
    public List<RejectView> rejects(@PathParam("id") long id) {
        Locale locale = Problem.locale(request);
        return migrations.rejects(id).stream().map(r -> new RejectView(r.file(), r.line(), r.code(),
                ErrorMessages.text(r.code(), locale, r.args()), r.row())).toList();
    }

    @GET
    @Path("{id}/rejects.csv")
    @Produces("text/csv")
    public Response rejectsCsv(@PathParam("id") long id) {
        List<RejectView> rejects = rejects(id);
        String csv = Csv.text(CSVFormat.DEFAULT.builder().setHeader("file", "line", "code", "reason", "row").get(),
                rows -> {
                    for (RejectView reject : rejects) {
                        rows.print(reject.file(), reject.line(), reject.code(), reject.message(), reject.row());
                    }
                });
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"migration-" + id + "-rejects.csv\"").build();
    }

    @POST
    @Path("{id}/sign-off")
    public MigrationView signOff(@PathParam("id") long id) {
        return migrations.signOff(id);
    }

    @POST
    @Path("{id}/discard")
    public MigrationView discard(@PathParam("id") long id) {
        return migrations.discard(id);
    }
}
