package bank.teller.web.api;

import bank.teller.shared.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem body with Teller's stable error {@code code}. */
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    static Response response(int status, String code, String title, String detail) {
        Problem body = new Problem("urn:teller:problem:" + code.toLowerCase().replace('_', '-'), title, status, detail, code);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    static Response response(ErrorCode code, String detail) {
        return response(code.httpStatus(), code.name(), code.name().replace('_', ' ').toLowerCase(), detail);
    }
}
