package bank.teller.web.api;

import bank.teller.shared.ErrorCode;
import bank.teller.web.ErrorMessages;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An RFC 9457 problem body with Teller's stable error {@code code}; for APPROVAL_REQUIRED also the
 * {@code approvalId} to follow (absent otherwise).
 */
public record Problem(String type, String title, int status, String detail, String code, Long approvalId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final Jsonb JSON = JsonbBuilder.create();

    static Response response(int status, String code, String title, String detail) {
        return response(status, code, title, detail, null);
    }

    static Response response(ErrorCode code, String detail) {
        return response(code, detail, null);
    }

    /** The problem of {@code code}, with its type and title derived from the code as everywhere. */
    public static Problem of(ErrorCode code, String detail) {
        return new Problem(type(code.name()), title(code.name()), code.httpStatus(), detail, code.name(), null);
    }

    /**
     * Writes the problem of {@code code} as a servlet's answer (outside JAX-RS: the 401 error page,
     * the admission filter), in Chinese when the caller asks for it.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        Locale locale = locale(request);
        byte[] body = JSON.toJson(of(code, ErrorMessages.text(code, locale))).getBytes(StandardCharsets.UTF_8);
        response.setStatus(code.httpStatus());
        response.setContentType(MEDIA_TYPE); // JSON is UTF-8 by definition
        response.getOutputStream().write(body);
    }

    /** The caller's language for messages: Chinese when they ask for it, else English. */
    static Locale locale(HttpServletRequest request) {
        return request.getLocale() != null && "zh".equals(request.getLocale().getLanguage())
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    static Response response(ErrorCode code, String detail, Long approvalId) {
        return response(code.httpStatus(), code.name(), title(code.name()), detail, approvalId);
    }

    private static Response response(int status, String code, String title, String detail, Long approvalId) {
        Problem body = new Problem(type(code), title, status, detail, code, approvalId);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    private static String type(String code) {
        return "urn:teller:problem:" + code.toLowerCase().replace('_', '-');
    }

    private static String title(String code) {
        return code.replace('_', ' ').toLowerCase();
    }
}
