package bank.teller.web.security;

import bank.teller.shared.ErrorCode;
import bank.teller.web.api.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control for the API: at most {@code teller.api.max-concurrent} calls (default 16) are
 * carried out at once; a call that finds no room within {@code teller.api.queue-millis} (default
 * 1000) is answered at once with 503 SERVER_BUSY and Retry-After, instead of waiting behind the
 * others for many seconds. Past saturation more calls in flight only lengthen every call (they
 * queue for the same rows and connections), so turning the excess away keeps the answers of the
 * admitted ones quick, and the server recovers as soon as the load drops. The counter screens are
 * not limited. Both settings are read at start-up.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class Admission extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Semaphore ROOM = new Semaphore(Integer.getInteger("teller.api.max-concurrent", 16), true);
    private static final long QUEUE_MILLIS = Long.getLong("teller.api.queue-millis", 1_000);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = ROOM.tryAcquire(QUEUE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", "1");
            Problem.write(request, response, ErrorCode.SERVER_BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            ROOM.release();
        }
    }
}
