package bank.teller.web.security;

import bank.teller.shared.ErrorCode;
import bank.teller.web.api.Problem;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The error page for 401 (only API calls get one; screens are sent to the sign-in page): a problem body. */
@WebServlet("/problem/unauthenticated")
public class UnauthorizedProblem extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problem.write(request, response, ErrorCode.UNAUTHENTICATED);
    }
}
