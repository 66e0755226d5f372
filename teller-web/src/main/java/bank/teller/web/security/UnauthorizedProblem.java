package bank.teller.web.security;

import bank.teller.shared.ErrorCode;
import bank.teller.web.ErrorMessages;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The error page for 401 (only API calls get one; screens are sent to the sign-in page): a problem body. */
@WebServlet("/problem/unauthenticated")
public class UnauthorizedProblem extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = request.getLocale() != null && "zh".equals(request.getLocale().getLanguage())
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        String body = Json.createObjectBuilder()
                .add("type", "urn:teller:problem:unauthenticated")
                .add("title", "unauthenticated")
                .add("status", HttpServletResponse.SC_UNAUTHORIZED)
                .add("detail", ErrorMessages.text(ErrorCode.UNAUTHENTICATED, locale))
                .add("code", ErrorCode.UNAUTHENTICATED.name())
                .build().toString();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json"); // JSON is UTF-8 by definition
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
