package bank.teller.web.api;

import bank.teller.account.application.Adjustments;
import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.CashWithdrawals;
import bank.teller.account.application.Receipt;
import bank.teller.account.application.Reversals;
import bank.teller.account.application.Transfers;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.SameRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Money movements: {@code POST /api/v1/cash-deposits}, {@code /cash-withdrawals}, {@code /transfers},
 * each with an Idempotency-Key header; a replay, even a concurrent one ({@link SameRequest}), returns
 * the first receipt with the same status.
 * Amounts are two-decimal strings; the currency defaults to CNY.
 */
@Path("/v1")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PostingsResource {

    /** Body of a cash deposit or withdrawal. */
    public record CashRequest(String accountNumber, String amount, String currency) {
    }

    /** Body of a transfer. */
    public record TransferRequest(String payerAccountNumber, String payeeAccountNumber, String amount, String currency) {
    }

    @EJB
    private CashDeposits deposits;
    @EJB
    private CashWithdrawals withdrawals;
    @EJB
    private Transfers transfers;
    @EJB
    private Reversals reversals;

    /** Body of a reversal: the posting (journal entry) to reverse, and why. */
    public record ReversalRequest(Long entryId, String reason) {
    }

    /** Body of an adjustment: the earlier posting, the account, CREDIT or DEBIT, the amount, why. */
    public record AdjustmentRequest(Long entryId, String accountNumber, String side, String amount, String reason) {
    }

    @EJB
    private Adjustments adjustments;

    @POST
    @Path("cash-deposits")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response deposit(@HeaderParam("Idempotency-Key") String key, CashRequest request) {
        CashRequest body = request == null ? new CashRequest(null, null, null) : request;
        return created(() -> deposits.deposit(body.accountNumber(), body.amount(), currency(body.currency()), key));
    }

    @POST
    @Path("cash-withdrawals")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response withdraw(@HeaderParam("Idempotency-Key") String key, CashRequest request) {
        CashRequest body = request == null ? new CashRequest(null, null, null) : request;
        return created(() -> withdrawals.withdraw(body.accountNumber(), body.amount(), currency(body.currency()), key));
    }

    @POST
    @Path("transfers")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response transfer(@HeaderParam("Idempotency-Key") String key, TransferRequest request) {
        TransferRequest body = request == null ? new TransferRequest(null, null, null, null) : request;
        return created(() -> transfers.transfer(body.payerAccountNumber(), body.payeeAccountNumber(), body.amount(),
                currency(body.currency()), key));
    }

    /** 冲正: always waits for a supervisor's approval first (APPROVAL_REQUIRED), then send it again. */
    @POST
    @Path("reversals")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response reverse(@HeaderParam("Idempotency-Key") String key, ReversalRequest request) {
        ReversalRequest body = request == null ? new ReversalRequest(null, null) : request;
        if (body.entryId() == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "entryId", "");
        }
        return created(() -> reversals.reverse(body.entryId(), body.reason(), key));
    }

    /** 错账调整 of an earlier day's posting against the suspense account; always waits for approval first. */
    @POST
    @Path("adjustments")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response adjust(@HeaderParam("Idempotency-Key") String key, AdjustmentRequest request) {
        AdjustmentRequest b = request == null ? new AdjustmentRequest(null, null, null, null, null) : request;
        if (b.entryId() == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "entryId", "");
        }
        return created(() -> adjustments.adjust(b.entryId(), b.accountNumber(), b.side(), b.amount(), b.reason(), key));
    }

    private static String currency(String given) {
        return given == null ? Money.CNY : given;
    }

    private static Response created(Supplier<Receipt> posting) {
        return Response.status(Response.Status.CREATED).entity(SameRequest.settled(posting)).build();
    }
}
