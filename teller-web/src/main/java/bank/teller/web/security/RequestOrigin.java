package bank.teller.web.security;

import bank.teller.audit.Terminal;
import bank.teller.platform.Trace;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Notes where every request comes from: its address, for the audit trail ({@link Terminal}), and its
 * request id ({@link Trace}: the caller's {@code X-Request-Id} if well formed, else one made here,
 * answered in the same header), which every log line of the request carries and a posting passes on
 * to its message to the core system.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestOrigin extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String REQUEST_ID = "X-Request-Id";

    @Inject
    private transient Terminal terminal;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        terminal.set(request.getRemoteAddr());
        response.setHeader(REQUEST_ID, Trace.begin(request.getHeader(REQUEST_ID)));
        try {
            chain.doFilter(request, response);
        } finally {
            Trace.end();
        }
    }
}
