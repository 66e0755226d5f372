package bank.teller.web.security;

import bank.teller.shared.ErrorCode;
import bank.teller.web.ErrorMessages;
import bank.teller.web.api.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = request.getLocale() != null && "zh".equals(request.getLocale().getLanguage())
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        String body = JSON.toJson(Problem.of(ErrorCode.UNAUTHENTICATED,
                ErrorMessages.text(ErrorCode.UNAUTHENTICATED, locale)));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(Problem.MEDIA_TYPE); // JSON is UTF-8 by definition
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
