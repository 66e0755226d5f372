package bank.teller.web.api;

import bank.teller.deposit.application.InterestRates;
import bank.teller.deposit.application.InterestRates.RateView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Interest rates (利率表): staff read a product's rates by the date each takes effect; an
 * administrator adds a rate from a date after the business date (the same rate again is answered
 * as the first time: a rate is its own key).
 */
@Path("/v1/interest-rates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InterestRatesResource {

    /** Body of POST /v1/interest-rates: the product, the date the rate takes effect, the annual rate in percent. */
    public record RateRequest(String product, String effectiveFrom, String ratePercent) {
    }

    @EJB
    private InterestRates rates;

    @GET
    public List<RateView> list(@QueryParam("product") @DefaultValue("DEMAND") String product) {
        return rates.list(product);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(RateRequest request) {
        RateRequest r = request == null ? new RateRequest(null, null, null) : request;
        return Response.status(Response.Status.CREATED).entity(rates.add(r.product(), r.effectiveFrom(), r.ratePercent()))
                .build();
    }
}
