package bank.teller.web.api;

import bank.teller.account.application.AccountClosing;
import bank.teller.account.application.AccountDormancy;
import bank.teller.account.application.AccountOpening;
import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountRestrictions;
import bank.teller.account.application.AccountTransaction;
import bank.teller.account.application.AccountView;
import bank.teller.account.application.BalanceView;
import bank.teller.account.application.CardView;
import bank.teller.account.application.Cards;
import bank.teller.account.application.ClosingResult;
import bank.teller.account.application.HotAccounts.HotAccountView;
import bank.teller.account.application.HotAccounts;
import bank.teller.account.application.RestrictionView;
import bank.teller.account.application.Statements;
import bank.teller.deposit.application.DemandInterest;
import bank.teller.fee.application.FeeQuote;
import bank.teller.shared.Dates;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.SameRequest;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Accounts: open (for a registered customer), read, fee quotes, list transactions, holds and freezes,
 * close; hot accounts (热点账户) marked and listed by supervisors.
 */
@Path("/v1/accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    /** Body of POST /v1/accounts: the customer, the account type, the expiry of a temporary account. */
    public record OpenAccountRequest(Long customerId, String accountType, LocalDate expiresOn) {
    }

    /** A page of transactions with the total count. */
    public record TransactionPage(int page, int size, long total, List<AccountTransaction> items) {
    }

    /** Body of POST /v1/accounts/{number}/closing: where the balance goes (none: paid out in cash). */
    public record ClosingRequest(String payeeAccountNumber) {
    }

    /** A hold: amount, reason, and optionally the last business date it counts (yyyy-MM-dd). */
    public record HoldRequest(String amount, String reason, LocalDate expiresOn) {
    }

    /** Body of POST /v1/accounts/by-card: a card number, which never goes in an address. */
    public record CardLookup(String cardNumber) {
    }

    /** A judicial freeze: amount (none: the whole account), reason and the court order's reference. */
    public record FreezeRequest(String amount, String reason, String legalReference) {
    }

    /** Body of PUT /v1/accounts/{number}/hot: hot or not, and why. */
    public record HotMark(Boolean hot, String reason) {
    }

    @EJB
    private HotAccounts hotAccounts;
    @EJB
    private AccountOpening opening;
    @EJB
    private AccountRestrictions restrictions;
    @EJB
    private AccountClosing closing;
    @EJB
    private AccountQueries queries;
    @EJB
    private DemandInterest interest;
    @EJB
    private Cards cards;
    @EJB
    private Statements statements;
    @EJB
    private AccountDormancy dormancy;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey, OpenAccountRequest request,
                         @Context UriInfo uri) {
        OpenAccountRequest body = request == null ? new OpenAccountRequest(null, null, null) : request;
        if (body.customerId() == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "customerId", "");
        }
        AccountView account = SameRequest.settled(
                () -> opening.open(body.customerId(), body.accountType(), body.expiresOn(), idempotencyKey));
        return Response.created(uri.getAbsolutePathBuilder().path(account.accountNumber()).build())
                .entity(account).build();
    }

    @POST
    @Path("/{number}/closing")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClosingResult close(@PathParam("number") String number, @HeaderParam("Idempotency-Key") String idempotencyKey,
                               ClosingRequest request) {
        return SameRequest.settled(
                () -> closing.close(number, request == null ? null : request.payeeAccountNumber(), idempotencyKey));
    }

    @POST
    @Path("/{number}/holds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response hold(@PathParam("number") String number, @HeaderParam("Idempotency-Key") String key, HoldRequest request) {
        HoldRequest body = request == null ? new HoldRequest(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(SameRequest.settled(
                        () -> restrictions.placeHold(number, body.amount(), body.reason(), body.expiresOn(), key)))
                .build();
    }

    /** Supervisors only. */
    @POST
    @Path("/{number}/freezes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response freeze(@PathParam("number") String number, @HeaderParam("Idempotency-Key") String key,
                           FreezeRequest request) {
        FreezeRequest body = request == null ? new FreezeRequest(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(SameRequest.settled(
                        () -> restrictions.freeze(number, body.amount(), body.reason(), body.legalReference(), key)))
                .build();
    }

    /** The holds and freezes in force. */
    @GET
    @Path("/{number}/restrictions")
    public List<RestrictionView> restrictions(@PathParam("number") String number) {
        return restrictions.inForce(number);
    }

    /**
     * Several accounts' balances as one consistent snapshot: {@code ?numbers=a,b,c} (at most 200),
     * in the order asked.
     */
    @GET
    @Path("/hot")
    public List<HotAccountView> hotAccounts() {
        return hotAccounts.list();
    }

    @PUT
    @Path("/{number}/hot")
    @Consumes(MediaType.APPLICATION_JSON)
    public HotAccountView markHot(@PathParam("number") String number, HotMark mark) {
        return hotAccounts.mark(number, mark == null ? null : mark.hot(), mark == null ? null : mark.reason());
    }

    @GET
    @Path("/balances")
    public List<BalanceView> balances(@QueryParam("numbers") String numbers) {
        return queries.balances(numbers == null || numbers.isBlank() ? List.of()
                : Arrays.stream(numbers.split(",")).map(String::trim).toList());
    }

    /** The account a card stands for: the card number in the body, as it may never be in an address. */
    @POST
    @Path("/by-card")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView byCard(CardLookup lookup) {
        return queries.accountOfCard(lookup == null ? null : lookup.cardNumber());
    }

    @GET
    @Path("/{number}")
    public AccountView account(@PathParam("number") String number) {
        return queries.account(number);
    }

    /** 久悬激活: a dormant account takes postings again (the customer is at the counter). */
    @POST
    @Path("/{number}/reactivation")
    public AccountView reactivate(@PathParam("number") String number, @HeaderParam("Idempotency-Key") String key) {
        return SameRequest.settled(() -> dormancy.reactivate(number, key));
    }

    /** Issues a debit card on the account; the response shows the full card number, once. */
    @POST
    @Path("/{number}/cards")
    public Response issueCard(@PathParam("number") String number, @HeaderParam("Idempotency-Key") String key) {
        return Response.status(Response.Status.CREATED).entity(SameRequest.settled(() -> cards.issue(number, key))).build();
    }

    /** The account's cards, masked. */
    @GET
    @Path("/{number}/cards")
    public List<CardView> cards(@PathParam("number") String number) {
        return cards.cards(number);
    }

    /** Interest to date (利息): earned since the last settlement, through the last day end of day accrued. */
    @GET
    @Path("/{number}/interest")
    public DemandInterest.InterestToDate interest(@PathParam("number") String number) {
        return interest.toDate(number);
    }

    /** What {@code transactionType} of {@code amount} would cost this account's holder, before confirming. */
    @GET
    @Path("/{number}/fee-quote")
    public FeeQuote feeQuote(@PathParam("number") String number, @QueryParam("transactionType") String transactionType,
                             @QueryParam("amount") String amount) {
        return queries.feeQuote(number, transactionType, amount);
    }

    /** Postings newest first, a page at a time, optionally within business dates {@code from}..{@code to}. */
    @GET
    @Path("/{number}/transactions")
    public TransactionPage transactions(@PathParam("number") String number,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size,
                                        @QueryParam("from") String from, @QueryParam("to") String to) {
        int pageSize = AccountTransaction.pageSize(size);
        LocalDate fromDate = Dates.optional("from", from);
        LocalDate toDate = Dates.optional("to", to);
        return new TransactionPage(Math.max(0, page), pageSize, queries.transactionCount(number, fromDate, toDate),
                queries.transactions(number, fromDate, toDate, page, pageSize));
    }

    /** The statement for business dates {@code from}..{@code to}: JSON, or {@code format=pdf} or {@code format=csv}. */
    @GET
    @Path("/{number}/statement")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf", "text/csv"})
    public Response statement(@PathParam("number") String number, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("format") @DefaultValue("json") String format) {
        LocalDate fromDate = Dates.optional("from", from);
        LocalDate toDate = Dates.optional("to", to);
        String file = "statement-" + number + "-" + from + "-" + to;
        return switch (format) {
            case "json" -> Response.ok(statements.statement(number, fromDate, toDate), MediaType.APPLICATION_JSON).build();
            case "pdf" -> Response.ok(statements.pdf(number, fromDate, toDate), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".pdf\"").build();
            case "csv" -> Response.ok(statements.csv(number, fromDate, toDate), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            default -> throw new TellerException(ErrorCode.VALIDATION_FAILED, "format", format);
        };
    }
}
