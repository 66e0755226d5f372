package bank.teller.web.api;

import bank.teller.deposit.application.CertificateLosses;
import bank.teller.deposit.application.DepositQueries;
import bank.teller.deposit.application.DepositReceipt;
import bank.teller.deposit.application.DepositView;
import bank.teller.deposit.application.TermDeposits;
import bank.teller.shared.SameRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Time and notice deposits (定期/通知存款) and their certificates (存单): {@code POST /api/v1/deposits}
 * opens one, {@code POST .../{number}/withdrawals} withdraws (everything, or a part), {@code
 * GET .../{number}/quote} says what a withdrawal would pay first, {@code POST}/{@code DELETE
 * .../{number}/notice} registers or cancels a notice deposit's notice, {@code .../{number}/loss-reports}
 * reports a certificate lost, releases or reissues it; each write with an
 * Idempotency-Key. {@code GET /api/v1/deposits?certificate=} or {@code ?customerId=} finds deposits.
 */
@Path("/v1/deposits")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DepositsResource {

    /** Body of POST /v1/deposits/{number}/withdrawals: the amount (none: everything), where to (none: cash). */
    public record WithdrawalRequest(String amount, String toAccount, String newCertificateNo, String idNumber) {
    }

    /** Body of POST /v1/deposits/{number}/renewals: another term (none: the same), the next renewal, the interest deposited or not, the new certificate. */
    public record RenewalRequest(String product, String renewal, Boolean withInterest, String newCertificateNo) {
    }

    /** Body of POST /v1/deposits/{number}/loss-reports: the certificate, ORAL or WRITTEN, the owner's ID (written). */
    public record LossRequest(String certificateNo, String kind, String idNumber) {
    }

    /** Body of a release or a reissue: the owner's ID number, and a reissue's new certificate. */
    public record OwnerRequest(String idNumber, String newCertificateNo) {
    }

    /** Body of POST /v1/deposits/{number}/notice: the day of the withdrawal and its amount. */
    public record NoticeRequest(String date, String amount) {
    }

    @EJB
    private TermDeposits deposits;
    @EJB
    private DepositQueries queries;
    @EJB
    private CertificateLosses losses;

    @POST
    public Response open(@HeaderParam("Idempotency-Key") String key, TermDeposits.Opening request) {
        TermDeposits.Opening body = request == null
                ? new TermDeposits.Opening(null, null, null, null, null, null, null) : request;
        return created(SameRequest.settled(() -> deposits.open(body, key)));
    }

    @GET
    public List<DepositView> find(@QueryParam("certificate") String certificate,
                                  @QueryParam("customerId") Long customerId) {
        return queries.find(certificate, customerId);
    }

    @GET
    @Path("{number}")
    public DepositView deposit(@PathParam("number") String number) {
        return queries.deposit(number);
    }

    @GET
    @Path("{number}/quote")
    public DepositReceipt quote(@PathParam("number") String number, @QueryParam("amount") String amount) {
        return deposits.quote(number, amount);
    }

    /** The valid certificate (存单) as a PDF for the pre-printed blank. */
    @GET
    @Path("{number}/certificate")
    @Produces("application/pdf")
    public Response certificate(@PathParam("number") String number) {
        return pdf(queries.certificatePdf(number), "certificate-" + number + ".pdf");
    }

    /** The interest slip (利息清单) of the withdrawal or renewal posted as the entry. */
    @GET
    @Path("{number}/slips/{entryId}")
    @Produces("application/pdf")
    public Response slip(@PathParam("number") String number, @PathParam("entryId") long entryId) {
        return pdf(queries.slipPdf(number, entryId), "interest-slip-" + entryId + ".pdf");
    }

    private static Response pdf(byte[] document, String name) {
        return Response.ok(document, "application/pdf").header("Content-Disposition", "inline; filename=" + name).build();
    }

    @POST
    @Path("{number}/withdrawals")
    public Response withdraw(@HeaderParam("Idempotency-Key") String key, @PathParam("number") String number,
                             WithdrawalRequest request) {
        WithdrawalRequest body = request == null ? new WithdrawalRequest(null, null, null, null) : request;
        return created(SameRequest.settled(() -> deposits.withdraw(new TermDeposits.Withdrawal(number, body.amount(),
                body.toAccount(), body.newCertificateNo(), body.idNumber()), key)));
    }

    @POST
    @Path("{number}/notice")
    public DepositView notice(@HeaderParam("Idempotency-Key") String key, @PathParam("number") String number,
                              NoticeRequest request) {
        NoticeRequest body = request == null ? new NoticeRequest(null, null) : request;
        return SameRequest.settled(() -> deposits.registerNotice(number, body.date(),
                body.amount(), key));
    }

    /** 转存 of a matured time deposit at the counter: its interest deposited with it or paid in cash, a new term from today. */
    @POST
    @Path("{number}/renewals")
    public Response renew(@HeaderParam("Idempotency-Key") String key, @PathParam("number") String number,
                          RenewalRequest request) {
        RenewalRequest body = request == null ? new RenewalRequest(null, null, null, null) : request;
        return created(SameRequest.settled(() -> deposits.renew(new TermDeposits.Renewing(number, body.product(),
                body.renewal(), Boolean.TRUE.equals(body.withInterest()), body.newCertificateNo()), key)));
    }

    /** 挂失: payment stops at once; an oral report in force followed by a written one is confirmed in writing. */
    @POST
    @Path("{number}/loss-reports")
    public DepositView reportLoss(@HeaderParam("Idempotency-Key") String key, @PathParam("number") String number,
                                  LossRequest request) {
        LossRequest body = request == null ? new LossRequest(null, null, null) : request;
        return SameRequest.settled(() -> losses.report(number, body.certificateNo(), body.kind(), body.idNumber(), key));
    }

    /** 解挂 by the owner with their ID. */
    @POST
    @Path("{number}/loss-reports/release")
    public DepositView releaseLoss(@HeaderParam("Idempotency-Key") String key, @PathParam("number") String number,
                                   OwnerRequest request) {
        OwnerRequest body = request == null ? new OwnerRequest(null, null) : request;
        return SameRequest.settled(() -> losses.release(number, body.idNumber(), key));
    }

    /** 补发 after a written report's waiting period, approved by a supervisor first (APPROVAL_REQUIRED). */
    @POST
    @Path("{number}/loss-reports/reissue")
    public DepositView reissue(@HeaderParam("Idempotency-Key") String key, @PathParam("number") String number,
                               OwnerRequest request) {
        OwnerRequest body = request == null ? new OwnerRequest(null, null) : request;
        return SameRequest.settled(() -> losses.reissue(number, body.idNumber(), body.newCertificateNo(), key));
    }

    @DELETE
    @Path("{number}/notice")
    public DepositView cancelNotice(@HeaderParam("Idempotency-Key") String key, @PathParam("number") String number) {
        return SameRequest.settled(() -> deposits.cancelNotice(number, key));
    }

    private static Response created(DepositReceipt receipt) {
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}
