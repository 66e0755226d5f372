package bank.teller.web.security;

import bank.teller.audit.Terminal;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Notes the address every request came from, for the audit trail ({@link Terminal}). */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TerminalAddress extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Terminal terminal;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        terminal.set(request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
