package bank.teller.web.api;

import bank.teller.payment.application.ClaimView;
import bank.teller.payment.application.Claims;
import bank.teller.payment.domain.AttachmentType;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.SameRequest;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reimbursement claims (报销审批): {@code POST /api/v1/claims} makes a draft ({@code title}, {@code
 * payeeAccount}, {@code lines}: {@code category}, {@code amount}, {@code spentOn}, {@code note};
 * Idempotency-Key), {@code PUT .../{claimNo}} mends a draft or returned one, {@code POST
 * .../{claimNo}/attachments?fileName=} attaches a scanned receipt (the file as the body: PDF, PNG or
 * JPEG, at most 2 MiB), {@code POST .../{claimNo}/submission} submits it. {@code GET /api/v1/claims} are
 * the caller's, {@code GET .../queue} those waiting for the caller's approval ({@code POST
 * .../{claimNo}/approval} or {@code .../return}, {@code note}), {@code GET .../to-pay} the approved ones
 * and {@code POST .../{claimNo}/payment} pays one (Idempotency-Key), once.
 */
@Path("/v1/claims")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClaimsResource {

    /** An approver's note. */
    public record Note(String note) {
    }

    private static final Claims.ClaimRequest EMPTY = new Claims.ClaimRequest(null, null, null);

    @EJB
    private Claims claims;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("Idempotency-Key") String key, Claims.ClaimRequest request) {
        return Response.status(Response.Status.CREATED).entity(claims.create(request == null ? EMPTY : request, key))
                .build();
    }

    @GET
    public List<ClaimView> mine() {
        return claims.mine();
    }

    @GET
    @Path("queue")
    public List<ClaimView> queue() {
        return claims.queue();
    }

    @GET
    @Path("to-pay")
    public List<ClaimView> toPay() {
        return claims.toPay();
    }

    @GET
    @Path("{claimNo}")
    public ClaimView claim(@PathParam("claimNo") String claimNo) {
        return claims.claim(claimNo);
    }

    @PUT
    @Path("{claimNo}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimView revise(@PathParam("claimNo") String claimNo, Claims.ClaimRequest request) {
        return claims.revise(claimNo, request == null ? EMPTY : request);
    }

    @POST
    @Path("{claimNo}/attachments")
    @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    public ClaimView attach(@PathParam("claimNo") String claimNo, @QueryParam("fileName") String fileName,
                            InputStream body) throws IOException {
        byte[] content = body.readNBytes(AttachmentType.MAX_BYTES + 1);
        if (content.length > AttachmentType.MAX_BYTES) {
            throw new TellerException(ErrorCode.ATTACHMENT_TOO_LARGE, String.valueOf(fileName), AttachmentType.MAX_BYTES);
        }
        return claims.attach(claimNo, fileName, content);
    }

    @GET
    @Path("{claimNo}/attachments/{id}")
    @Produces({"application/pdf", "image/png", "image/jpeg"})
    public Response attachment(@PathParam("claimNo") String claimNo, @PathParam("id") long id) {
        Claims.AttachmentContent attachment = claims.attachment(claimNo, id);
        return Response.ok(attachment.content(), attachment.contentType())
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    @POST
    @Path("{claimNo}/submission")
    public ClaimView submit(@PathParam("claimNo") String claimNo) {
        return claims.submit(claimNo);
    }

    @POST
    @Path("{claimNo}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimView approve(@PathParam("claimNo") String claimNo, Note note) {
        return claims.approve(claimNo, note == null ? null : note.note());
    }

    @POST
    @Path("{claimNo}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClaimView returnToClaimant(@PathParam("claimNo") String claimNo, Note note) {
        return claims.returnToClaimant(claimNo, note == null ? null : note.note());
    }

    @POST
    @Path("{claimNo}/payment")
    public Response pay(@PathParam("claimNo") String claimNo, @HeaderParam("Idempotency-Key") String key) {
        return Response.status(Response.Status.CREATED).entity(SameRequest.settled(() -> claims.pay(claimNo, key)))
                .build();
    }
}
