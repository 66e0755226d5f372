package bank.core.sim;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /core-sim/api/bookings/{entryId}}: what the core booked for Teller's entry (404: nothing). */
@Path("bookings")
@Produces(MediaType.APPLICATION_JSON)
public class Bookings {

    @EJB
    private CoreBook book;

    @GET
    @Path("{entryId}")
    public Response booking(@PathParam("entryId") long entryId) {
        return book.ofEntry(entryId).map(b -> Response.ok(b.json().toString()).build())
                .orElse(Response.status(Response.Status.NOT_FOUND).build());
    }
}
