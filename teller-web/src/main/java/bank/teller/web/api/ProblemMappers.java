package bank.teller.web.api;

import bank.teller.audit.AuditTrail;
import bank.teller.shared.Causes;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.web.ErrorMessages;
import bank.teller.web.Refusals;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of the API becomes application/problem+json with a code; never a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Locale locale(HttpHeaders headers) {
        return headers == null || headers.getAcceptableLanguages().isEmpty()
                || "*".equals(headers.getAcceptableLanguages().get(0).toString())
                ? Locale.ENGLISH : headers.getAcceptableLanguages().get(0);
    }

    @Provider
    public static class BusinessRefusal implements ExceptionMapper<TellerException> {
        @Context
        HttpHeaders headers;
        @Context
        Request request;
        @Context
        UriInfo uri;
        @EJB
        AuditTrail audit;

        @Override
        public Response toResponse(TellerException e) {
            Refusals.record(audit, request.getMethod() + " /" + uri.getPath().replaceFirst("^/", ""), e.code());
            Long approvalId = e.code() == ErrorCode.APPROVAL_REQUIRED ? ((Number) e.args().get(0)).longValue() : null;
            Response problem = Problem.response(e.code(), ErrorMessages.text(e, locale(headers)), approvalId);
            return e.code() == ErrorCode.ON_THE_SPOT_THROTTLED
                    ? Response.fromResponse(problem).header("Retry-After", e.args().get(0)).build() : problem;
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<EJBAccessException> {
        @Context
        HttpHeaders headers;
        @Context
        Request request;
        @Context
        UriInfo uri;
        @EJB
        AuditTrail audit;

        @Override
        public Response toResponse(EJBAccessException e) {
            Refusals.record(audit, request.getMethod() + " /" + uri.getPath().replaceFirst("^/", ""), ErrorCode.FORBIDDEN);
            return Problem.response(ErrorCode.FORBIDDEN, ErrorMessages.text(ErrorCode.FORBIDDEN, locale(headers)));
        }
    }

    @Provider
    public static class UnreadableBody implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(ErrorCode.VALIDATION_FAILED, "The request body is not valid JSON for this operation.");
        }
    }

    /** RESTEasy wraps body-binding failures in a ProcessingException. */
    @Provider
    public static class Unprocessable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Causes.find(e, JsonbException.class).map(new UnreadableBody()::toResponse)
                    .orElseGet(() -> Unexpected.logged(e));
        }
    }

    @Provider
    public static class HttpError implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                return Unexpected.logged(e);
            }
            if (Causes.find(e, NumberFormatException.class).isPresent()) {
                // a path or query parameter that is not a number in range: JAX-RS says 404, but the request is wrong
                return Problem.response(ErrorCode.VALIDATION_FAILED, "A number in the address is not a whole number "
                        + "in range.");
            }
            String code = status == 404 ? "NOT_FOUND" : status == 405 ? "METHOD_NOT_ALLOWED"
                    : status == 415 ? "UNSUPPORTED_MEDIA_TYPE" : status == 406 ? "NOT_ACCEPTABLE" : "BAD_REQUEST";
            // Teller's own words: RESTEasy's message carries its message codes and echoes the request's URL
            String detail = switch (status) {
                case 404 -> "There is nothing at this address.";
                case 405 -> "This address does not take this method.";
                case 415 -> "The request body is not of a type this operation reads (application/json).";
                case 406 -> "This operation cannot answer in the type asked for.";
                default -> e.getCause() instanceof JsonbException
                        ? "The request body is not valid JSON for this operation." : "The request is not valid.";
            };
            return Problem.response(status, code, code.replace('_', ' ').toLowerCase(), detail);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e.getCause() instanceof TellerException refusal) {
                return new BusinessRefusal().toResponse(refusal);
            }
            return logged(e);
        }

        static Response logged(Exception e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "API request failed, reference " + reference, e);
            return Problem.response(500, ErrorCode.INTERNAL_ERROR.name(), "internal error",
                    "The operation did not complete. Reference " + reference + ".");
        }
    }
}
