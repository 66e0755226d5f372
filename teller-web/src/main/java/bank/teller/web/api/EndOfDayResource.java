package bank.teller.web.api;

import bank.teller.batch.BatchJobs;
import bank.teller.batch.EndOfDayView;
import bank.teller.calendar.application.BusinessDays;
import bank.teller.calendar.application.BusinessDays.BranchDay;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;

/**
 * The business day: each branch's close (网点轧账) and the bank's end of day (日终), which ends with
 * the date roll. Staff read the branches' days; a supervisor closes their branch's day (forced past
 * open tills only with a reason) and starts or restarts end of day, naming the business date it is to
 * close (a start for another date is refused: the screen's date may be stale); auditors read the runs.
 */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EndOfDayResource {

    /** The business date and every branch's day. */
    public record BusinessDayView(LocalDate businessDate, List<BranchDay> branches) {
    }

    /** Body of POST /v1/business-day/branches/{code}/close: force past open tills, with the reason. */
    public record CloseRequest(Boolean force, String reason) {
    }

    /** Body of POST /v1/end-of-day: the business date the run is to close; how many partitions (optional). */
    public record StartRequest(String businessDate, Integer partitions) {
    }

    /** A run started or restarted: its execution. */
    public record Started(long executionId) {
    }

    @EJB
    private BusinessDays businessDays;
    @EJB
    private BatchJobs jobs;

    @GET
    @Path("/business-day")
    public BusinessDayView businessDay() {
        List<BranchDay> branches = businessDays.branches();
        return new BusinessDayView(branches.isEmpty() ? null : branches.get(0).businessDate(), branches);
    }

    @GET
    @Path("/business-day/branches/{code}")
    public BranchDay branch(@PathParam("code") String code) {
        return businessDays.branch(code);
    }

    @POST
    @Path("/business-day/branches/{code}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public BranchDay close(@PathParam("code") String code, CloseRequest request) {
        CloseRequest r = request == null ? new CloseRequest(null, null) : request;
        return businessDays.close(code, Boolean.TRUE.equals(r.force()), r.reason());
    }

    /** The latest run (404 when end of day never ran). */
    @GET
    @Path("/end-of-day")
    public EndOfDayView latest() {
        return jobs.endOfDay().orElseThrow(() -> new TellerException(ErrorCode.END_OF_DAY_NOT_FOUND, "-"));
    }

    @GET
    @Path("/end-of-day/{execution: [0-9]{1,18}}")
    public EndOfDayView run(@PathParam("execution") long execution) {
        return jobs.endOfDay(execution);
    }

    @POST
    @Path("/end-of-day")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(StartRequest request) {
        StartRequest r = request == null ? new StartRequest(null, null) : request;
        return Response.accepted(new Started(jobs.startEndOfDay(r.businessDate(), r.partitions()))).build();
    }

    @POST
    @Path("/end-of-day/{execution: [0-9]{1,18}}/restart")
    public Response restart(@PathParam("execution") long execution) {
        return Response.accepted(new Started(jobs.restartEndOfDay(execution))).build();
    }
}
