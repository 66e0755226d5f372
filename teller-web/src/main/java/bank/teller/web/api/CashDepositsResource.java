package bank.teller.web.api;

import bank.teller.account.application.CashDeposits;
import bank.teller.account.application.DepositReceipt;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Cash deposits: {@code POST /api/v1/cash-deposits} with an Idempotency-Key; a replay returns the first receipt. */
@Path("/v1/cash-deposits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CashDepositsResource {

    /** Body: the account, the amount as a two-decimal string, the currency (CNY). */
    public record DepositRequest(String accountNumber, String amount, String currency) {
    }

    @EJB
    private CashDeposits deposits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deposit(@HeaderParam("Idempotency-Key") String idempotencyKey, DepositRequest request) {
        DepositRequest body = request == null ? new DepositRequest(null, null, null) : request;
        DepositReceipt receipt = deposits.deposit(body.accountNumber(), body.amount(),
                body.currency() == null ? "CNY" : body.currency(), idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}
