package bank.teller.web.api;

import bank.teller.till.application.BlankVoucherView;
import bank.teller.till.application.VoucherStock;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Important blank vouchers (重要空白凭证): receive a range into the vault and issue ranges to tills
 * (supervisors); use, spoil or return numbers (the till's teller); list a till's numbers.
 */
@Path("/v1/blank-vouchers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BlankVouchersResource {

    /** A range of one kind (CERTIFICATE, PASSBOOK, CHEQUE_BOOK); a till for an issue. */
    public record RangeRequest(String kind, String from, String to, String tillCode) {
    }

    /** One number and what it was used for, or why it was spoiled. */
    public record NumberRequest(String kind, String serialNo, String note) {
    }

    @EJB
    private VoucherStock stock;

    @POST
    @Path("/receipts")
    public List<BlankVoucherView> receive(RangeRequest r) {
        RangeRequest b = r == null ? new RangeRequest(null, null, null, null) : r;
        return stock.receive(b.kind(), b.from(), b.to());
    }

    @POST
    @Path("/issues")
    public List<BlankVoucherView> issue(RangeRequest r) {
        RangeRequest b = r == null ? new RangeRequest(null, null, null, null) : r;
        return stock.issueToTill(b.kind(), b.from(), b.to(), b.tillCode());
    }

    @POST
    @Path("/returns")
    public List<BlankVoucherView> giveBack(RangeRequest r) {
        RangeRequest b = r == null ? new RangeRequest(null, null, null, null) : r;
        return stock.returnToVault(b.kind(), b.from(), b.to());
    }

    @POST
    @Path("/uses")
    public BlankVoucherView use(NumberRequest r) {
        NumberRequest b = r == null ? new NumberRequest(null, null, null) : r;
        return stock.use(b.kind(), b.serialNo(), b.note());
    }

    @POST
    @Path("/spoilages")
    public BlankVoucherView spoil(NumberRequest r) {
        NumberRequest b = r == null ? new NumberRequest(null, null, null) : r;
        return stock.spoil(b.kind(), b.serialNo(), b.note());
    }

    @GET
    public List<BlankVoucherView> ofTill(@QueryParam("till") String tillCode) {
        return stock.ofTill(tillCode);
    }
}
