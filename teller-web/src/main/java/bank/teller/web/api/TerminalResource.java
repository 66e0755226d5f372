package bank.teller.web.api;

import bank.teller.account.application.AccountView;
import bank.teller.account.application.Receipt;
import bank.teller.shared.SameRequest;
import bank.teller.terminal.TerminalTransactions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The API a self-service terminal calls with its own key ({@code X-Api-Key}), for the customer at it:
 * every request carries the card and its PIN (three wrong PINs lock the card for the day). Postings
 * take the terminal's {@code Idempotency-Key}: asked again with the same key (the answer was lost),
 * the terminal gets the first answer, and nothing is posted twice. A withdrawal it did not dispense
 * is reported by its key and reversed at once.
 */
@Path("/v1/terminal")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerminalResource {

    /** The card and PIN, and for a posting the amount (and a transfer's payee). */
    public record CardRequest(String cardNumber, String pin, String amount, String payeeAccountNumber) {
    }

    @EJB
    private TerminalTransactions transactions;

    @POST
    @Path("balance")
    public AccountView balance(CardRequest request) {
        CardRequest b = body(request);
        return transactions.balance(b.cardNumber(), b.pin());
    }

    /** The slip of the latest postings (对账单打印). */
    @POST
    @Path("statement")
    public TerminalTransactions.Statement statement(CardRequest request) {
        CardRequest b = body(request);
        return transactions.statement(b.cardNumber(), b.pin());
    }

    @POST
    @Path("deposits")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response deposit(@HeaderParam("Idempotency-Key") String key, CardRequest request) {
        CardRequest b = body(request);
        return created(() -> transactions.deposit(b.cardNumber(), b.pin(), b.amount(), key));
    }

    @POST
    @Path("withdrawals")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response withdraw(@HeaderParam("Idempotency-Key") String key, CardRequest request) {
        CardRequest b = body(request);
        return created(() -> transactions.withdraw(b.cardNumber(), b.pin(), b.amount(), key));
    }

    /** The withdrawal of Idempotency-Key {@code key} was not dispensed: reversed, once. */
    @POST
    @Path("withdrawals/{key}/not-dispensed")
    public Receipt notDispensed(@PathParam("key") String key) {
        return SameRequest.settled(() -> transactions.notDispensed(key));
    }

    @POST
    @Path("transfers")
    @APIResponseSchema(value = Receipt.class, responseCode = "201", responseDescription = "Posted: its receipt")
    public Response transfer(@HeaderParam("Idempotency-Key") String key, CardRequest request) {
        CardRequest b = body(request);
        return created(() -> transactions.transfer(b.cardNumber(), b.pin(), b.payeeAccountNumber(), b.amount(), key));
    }

    private static CardRequest body(CardRequest request) {
        return request == null ? new CardRequest(null, null, null, null) : request;
    }

    private static Response created(Supplier<Receipt> posting) {
        return Response.status(Response.Status.CREATED).entity(SameRequest.settled(posting)).build();
    }
}
