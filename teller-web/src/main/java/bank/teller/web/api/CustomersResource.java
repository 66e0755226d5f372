package bank.teller.web.api;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountView;
import bank.teller.customer.application.CorporateDetails;
import bank.teller.customer.application.CustomerView;
import bank.teller.customer.application.Customers;
import bank.teller.customer.application.IndividualDetails;
import bank.teller.customer.application.PersonalData;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.SameRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Customers: identity verification (联网核查), registration of individuals and companies on a
 * matching verification, search and lookup, their accounts.
 */
@Path("/v1/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    /** Body of POST /v1/customers/verifications: RESIDENT_ID or CREDIT_CODE, the number, the name. */
    public record VerificationRequest(String idType, String idNumber, String name) {
    }

    /** Body of POST /v1/customers/individuals; birth date and gender, if given, are checked against the ID. */
    public record IndividualRequest(Long verificationId, String name, String residentId, LocalDate birthDate,
                                    String gender, String phone, String address, String occupation) {
    }

    /** Body of POST /v1/customers/corporates. */
    public record CorporateRequest(Long verificationId, String name, String creditCode, String legalRepresentative,
                                   String registeredAddress, String contactName, String contactPhone) {
    }

    @EJB
    private Customers customers;
    @EJB
    private AccountQueries queries;

    @POST
    @Path("/verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verify(VerificationRequest request) {
        VerificationRequest body = request == null ? new VerificationRequest(null, null, null) : request;
        return Response.status(Response.Status.CREATED)
                .entity(customers.verify(body.idType(), body.idNumber(), body.name())).build();
    }

    @POST
    @Path("/individuals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerIndividual(@HeaderParam("Idempotency-Key") String key, IndividualRequest request) {
        IndividualRequest b = request == null ? new IndividualRequest(null, null, null, null, null, null, null, null) : request;
        IndividualDetails details = new IndividualDetails(b.name(), b.residentId(), b.birthDate(), b.gender(), b.phone(),
                b.address(), b.occupation());
        return created(SameRequest.settled(() -> customers.registerIndividual(details, verification(b.verificationId()), key)));
    }

    @POST
    @Path("/corporates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerCorporate(@HeaderParam("Idempotency-Key") String key, CorporateRequest request) {
        CorporateRequest b = request == null ? new CorporateRequest(null, null, null, null, null, null, null) : request;
        CorporateDetails details = new CorporateDetails(b.name(), b.creditCode(), b.legalRepresentative(),
                b.registeredAddress(), b.contactName(), b.contactPhone());
        return created(SameRequest.settled(() -> customers.registerCorporate(details, verification(b.verificationId()), key)));
    }

    /** Search by ID number, account number, phone or the start of a name. */
    @GET
    public List<CustomerView> search(@QueryParam("q") String query) {
        return customers.search(query);
    }

    @GET
    @Path("/{id}")
    public CustomerView customer(@PathParam("id") long id) {
        return customers.customer(id);
    }

    /**
     * 核对证件: the ID number, birth date and phone numbers in full, for the teller checking the
     * customer's document; every call is recorded in the audit trail. A POST, so that no cache and
     * no address keeps the answer.
     */
    @POST
    @Path("/{id}/disclosures")
    public PersonalData reveal(@PathParam("id") long id) {
        return customers.reveal(id);
    }

    @GET
    @Path("/{id}/accounts")
    public List<AccountView> accounts(@PathParam("id") long id) {
        return queries.accountsOf(id);
    }

    private static long verification(Long id) {
        if (id == null) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "verificationId", "");
        }
        return id;
    }

    private static Response created(CustomerView customer) {
        return Response.created(URI.create("v1/customers/" + customer.id())).entity(customer).build();
    }
}
