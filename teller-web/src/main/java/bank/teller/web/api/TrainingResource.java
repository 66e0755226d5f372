package bank.teller.web.api;

import bank.teller.shared.SameRequest;
import bank.teller.training.Training;
import bank.teller.training.Training.TrainingView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The training branch (培训网点) of the signed-in supervisor: what its trainees have made, and its reset
 * (everything removed, the vault and blank certificates stocked again; refused while a till is open).
 */
@Path("/v1/training")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {

    @EJB
    private Training training;

    @GET
    public TrainingView view() {
        return training.view();
    }

    @POST
    @Path("reset")
    public TrainingView reset(@HeaderParam("Idempotency-Key") String idempotencyKey) {
        return SameRequest.settled(() -> training.reset(idempotencyKey));
    }
}
