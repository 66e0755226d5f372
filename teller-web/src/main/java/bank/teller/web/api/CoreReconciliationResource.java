package bank.teller.web.api;

import bank.teller.integration.CoreReconciliations;
import bank.teller.shared.Dates;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/**
 * Reconciliation with the core system (对账): {@code GET /api/v1/core-reconciliation/{date}} the day as
 * last reconciled (status CLEAN, BREAKS or NO_FILE, counts, every break with its category, amount and
 * what differs); {@code POST .../{date}} reconciles the day again (supervisors), as end of day does.
 */
@Path("/v1/core-reconciliation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoreReconciliationResource {

    @EJB
    private CoreReconciliations reconciliations;

    @GET
    @Path("{date}")
    public CoreReconciliations.Summary day(@PathParam("date") String date) {
        return reconciliations.summary(Dates.required("date", date));
    }

    @POST
    @Path("{date}")
    public CoreReconciliations.Summary reconcile(@PathParam("date") String date) throws InterruptedException {
        LocalDate day = Dates.required("date", date);
        reconciliations.awaitCore(day);
        return reconciliations.reconcile(day);
    }
}
