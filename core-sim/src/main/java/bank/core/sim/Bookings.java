package bank.core.sim;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The core system's book from outside: {@code GET bookings/{entryId}} (what it booked for Teller's
 * entry; 404: nothing); {@code GET reconciliation/{businessDate}} (its reconciliation file, 对账文件:
 * every line of every posting it booked for that business date, as CSV); and, to make it misbehave,
 * {@code POST misbehaviours} ({@code account}, {@code kind}: DROP, WRONG_AMOUNT, TWICE, LATE — once,
 * to the next posting touching the account) and {@code POST phantoms} ({@code account}, {@code amount},
 * {@code side}, {@code businessDate}: a booking Teller never sent); {@code GET sends} (postings Teller
 * sent, and those it sent more than once).
 */
@Path("")
public class Bookings {

    static final String CSV_HEADER = "entry_id,core_ref,line_no,gl_code,account_number,side,amount";
    /** Phantom bookings name entries from here up: Teller never numbers its entries so high. */
    private static final long PHANTOM_ENTRIES = 9_000_000_000_000L;
    private static final AtomicLong PHANTOMS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    @EJB
    private CoreBook book;
    @EJB
    private Misbehaviours misbehaviours;

    @GET
    @Path("bookings/{entryId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response booking(@PathParam("entryId") long entryId) {
        return book.ofEntry(entryId).map(b -> Response.ok(b.json().toString()).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).build());
    }

    /**
     * How many postings Teller's messages brought, and the messageIds that came in more than one
     * message (Teller sent them twice; the broker's redeliveries keep a message's JMS id).
     */
    @GET
    @Path("sends")
    @Produces(MediaType.APPLICATION_JSON)
    public String sends() {
        CoreBook.Sends sends = book.sends();
        return Json.createObjectBuilder().add("postings", sends.postings())
                .add("sentTwice", Json.createArrayBuilder(sends.sentTwice())).build().toString();
    }

    @GET
    @Path("reconciliation/{businessDate}")
    @Produces("text/csv")
    public String reconciliation(@PathParam("businessDate") String businessDate) {
        LocalDate.parse(businessDate);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (CoreBook.Booking booking : book.ofDate(businessDate)) {
            for (JsonValue value : booking.posting().getJsonArray("lines")) {
                JsonObject line = value.asJsonObject();
                csv.append(booking.entryId()).append(',').append(booking.coreRef()).append(',')
                        .append(line.getInt("lineNo")).append(',').append(line.getString("glCode")).append(',')
                        .append(line.getString("accountNumber", "")).append(',').append(line.getString("side"))
                        .append(',').append(line.getString("amount")).append('\n');
            }
        }
        return csv.toString();
    }

    @POST
    @Path("misbehaviours")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response misbehave(JsonObject order) {
        try {
            misbehaviours.order(order.getString("account"), Misbehaviours.Kind.valueOf(order.getString("kind")));
        } catch (RuntimeException bad) {
            throw new BadRequestException("account and kind (DROP, WRONG_AMOUNT, TWICE, LATE) are required");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("phantoms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response phantom(JsonObject order) {
        JsonObject posting;
        try {
            long entryId = PHANTOM_ENTRIES + PHANTOMS.incrementAndGet();
            String amount = new BigDecimal(order.getString("amount")).setScale(2).toPlainString();
            String side = order.getString("side", "CREDIT");
            posting = Json.createObjectBuilder().add("messageId", "CORE-PHANTOM-" + entryId).add("entryId", entryId)
                    .add("businessDate", LocalDate.parse(order.getString("businessDate")).toString())
                    .add("postedAt", Instant.now().toString())
                    .add("lines", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("lineNo", 1).add("glCode", "1001")
                                    .add("side", side.equals("CREDIT") ? "DEBIT" : "CREDIT").add("amount", amount))
                            .add(Json.createObjectBuilder().add("lineNo", 2).add("glCode", "2011")
                                    .add("accountNumber", order.getString("account")).add("side", side)
                                    .add("amount", amount))).build();
        } catch (RuntimeException bad) {
            throw new BadRequestException("account, amount and businessDate are required");
        }
        CoreBook.Booking booked = book.bookAgain(posting.getString("messageId"), posting);
        return Response.status(Response.Status.CREATED).entity(booked.json().toString()).build();
    }
}
