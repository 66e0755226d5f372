package bank.teller.web.api;

import bank.teller.batch.DirectDebitJobs;
import bank.teller.payment.application.DirectDebitViews;
import bank.teller.payment.application.DirectDebits;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Direct debit (代扣): {@code POST /api/v1/direct-debits/mandates} signs a payer's mandate ({@code
 * agreement}, {@code mandateRef}, {@code payerAccount}, {@code limitPerDebit}, {@code limitPerMonth},
 * {@code validFrom}, {@code expiresOn}), {@code GET .../mandates?account=} lists an account's, {@code
 * POST .../agreements/{code}/mandates/{mandateRef}/cancellation} cancels one. {@code POST
 * /api/v1/direct-debits/files?agreement=&fileRef=} takes a company's debit file (text/csv: {@code
 * mandate_ref,amount}), once per reference, and has the direct-debit job process it (202); {@code GET
 * .../files/{id}} shows its progress, {@code GET .../files/{id}/result} is the company's result file,
 * {@code POST .../files/{id}/stop} stops its run after the current chunk and {@code POST
 * .../files/{id}/processing} restarts a run that stopped or failed.
 */
@Path("/v1/direct-debits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DirectDebitsResource {

    private static final DirectDebits.MandateRequest NO_MANDATE = new DirectDebits.MandateRequest(null, null, null,
            null, null, null, null);

    @EJB
    private DirectDebits directDebits;
    @EJB
    private DirectDebitJobs jobs;

    @POST
    @Path("mandates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(DirectDebits.MandateRequest request) {
        return Response.status(Response.Status.CREATED).entity(directDebits.sign(request == null ? NO_MANDATE : request))
                .build();
    }

    @GET
    @Path("mandates")
    public List<DirectDebitViews.Mandate> mandates(@QueryParam("account") String account) {
        return directDebits.mandatesOf(account);
    }

    @POST
    @Path("agreements/{code}/mandates/{mandateRef}/cancellation")
    public DirectDebitViews.Mandate cancel(@PathParam("code") String code, @PathParam("mandateRef") String mandateRef) {
        return directDebits.cancel(code, mandateRef);
    }

    @POST
    @Path("files")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Response receive(@QueryParam("agreement") String agreement, @QueryParam("fileRef") String fileRef,
                            InputStream body) throws IOException {
        return Response.accepted(jobs.receive(agreement, fileRef, CollectionsResource.csv(body))).build();
    }

    @GET
    @Path("files/{id}")
    public DirectDebitViews.File file(@PathParam("id") long id) {
        return directDebits.file(id);
    }

    @GET
    @Path("files/{id}/result")
    @Produces("text/csv")
    public Response result(@PathParam("id") long id) {
        return Response.ok(directDebits.result(id), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"direct-debit-result-" + id + ".csv\"").build();
    }

    /** Stops the file's run after its current chunk; {@code .../processing} goes on with it. */
    @POST
    @Path("files/{id}/stop")
    public DirectDebitViews.File stop(@PathParam("id") long id) {
        jobs.stop(id);
        return directDebits.file(id);
    }

    @POST
    @Path("files/{id}/processing")
    public DirectDebitViews.File process(@PathParam("id") long id) {
        jobs.process(id);
        return directDebits.file(id);
    }
}
