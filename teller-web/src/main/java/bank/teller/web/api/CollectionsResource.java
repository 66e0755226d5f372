package bank.teller.web.api;

import bank.teller.payment.application.CollectionViews;
import bank.teller.payment.application.Collections;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.SameRequest;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Collections for companies (代收): {@code GET|POST /api/v1/collections/agreements} (a supervisor signs
 * one: {@code code}, {@code name}, {@code category}, {@code companyAccount}); {@code POST
 * .../agreements/{code}/bills} loads a bill list (text/csv: {@code bill_ref,payer_name,amount[,due_date]};
 * the report names each refused row by line); {@code GET .../bills?q=} and {@code .../bills/{billRef}};
 * {@code GET .../daily-file?date=} the day's collections as CSV; {@code POST /api/v1/collections/payments}
 * pays a bill ({@code agreement}, {@code billRef}, {@code method} CASH or TRANSFER, {@code payerAccount};
 * Idempotency-Key), once.
 */
@Path("/v1/collections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {

    /** The largest file (a bill list, a debit file) taken in one request. */
    static final int MAX_LIST_BYTES = 4 << 20;
    private static final Collections.AgreementRequest NO_AGREEMENT = new Collections.AgreementRequest(null, null, null,
            null);
    private static final Collections.PaymentRequest NO_PAYMENT = new Collections.PaymentRequest(null, null, null, null);

    @EJB
    private Collections collections;

    @GET
    @Path("agreements")
    public List<CollectionViews.Agreement> agreements() {
        return collections.agreements();
    }

    @POST
    @Path("agreements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(Collections.AgreementRequest request) {
        return Response.status(Response.Status.CREATED).entity(collections.sign(request == null ? NO_AGREEMENT : request))
                .build();
    }

    @POST
    @Path("agreements/{code}/bills")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public CollectionViews.LoadReport load(@PathParam("code") String code, InputStream body) throws IOException {
        return collections.load(code, csv(body));
    }

    /** A company's file (a bill list, a debit file) as text, refused when larger than {@link #MAX_LIST_BYTES}. */
    static String csv(InputStream body) throws IOException {
        byte[] csv = body.readNBytes(MAX_LIST_BYTES + 1);
        if (csv.length > MAX_LIST_BYTES) {
            throw new TellerException(ErrorCode.BILL_LIST_TOO_LARGE, MAX_LIST_BYTES);
        }
        return new String(csv, StandardCharsets.UTF_8);
    }

    @GET
    @Path("agreements/{code}/bills")
    public List<CollectionViews.Bill> bills(@PathParam("code") String code, @QueryParam("q") String query) {
        return collections.bills(code, query, 200);
    }

    @GET
    @Path("agreements/{code}/bills/{billRef}")
    public CollectionViews.Bill bill(@PathParam("code") String code, @PathParam("billRef") String billRef) {
        return collections.bill(code, billRef);
    }

    @GET
    @Path("agreements/{code}/daily-file")
    @Produces("text/csv")
    public Response dailyFile(@PathParam("code") String code, @QueryParam("date") String date) {
        return Response.ok(collections.dailyFile(code, Dates.optional("date", date)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"collections.csv\"").build();
    }

    @POST
    @Path("payments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pay(@HeaderParam("Idempotency-Key") String key, Collections.PaymentRequest request) {
        Collections.PaymentRequest body = request == null ? NO_PAYMENT : request;
        return Response.status(Response.Status.CREATED).entity(SameRequest.settled(() -> collections.pay(body, key)))
                .build();
    }
}
