package bank.teller.web.api;

import bank.teller.account.application.Vouchers;
import bank.teller.voucher.domain.VoucherContent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Vouchers: read one, print it as PDF (the first print is the original, later ones say COPY), record the customer's confirmation. */
@Path("/v1/vouchers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VouchersResource {

    @EJB
    private Vouchers vouchers;

    @GET
    @Path("/{number}")
    public VoucherContent voucher(@PathParam("number") String number) {
        return vouchers.voucher(number);
    }

    /** Each call is a print and is counted. */
    @GET
    @Path("/{number}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("number") String number) {
        return Response.ok(vouchers.print(number), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"voucher-" + number + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The customer signed the voucher (签字确认); recorded once. */
    @POST
    @Path("/{number}/confirmation")
    public VoucherContent confirm(@PathParam("number") String number) {
        return vouchers.confirm(number);
    }

    /** Body of POST /v1/vouchers/{number}/rating: the customer's score, 1 (very unsatisfied) to 5 (very satisfied). */
    public record RatingRequest(Integer score) {
    }

    /**
     * The customer rated the service of the voucher's transaction (服务评价), on the day, once: the same
     * score again is answered as the first time, another one refused.
     */
    @POST
    @Path("/{number}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public Vouchers.Rating rate(@PathParam("number") String number, RatingRequest request) {
        return vouchers.rate(number, request == null ? null : request.score());
    }
}
