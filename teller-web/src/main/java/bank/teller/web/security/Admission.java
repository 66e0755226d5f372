package bank.teller.web.security;

import bank.teller.platform.Metrics;
import bank.teller.shared.ErrorCode;
import bank.teller.web.api.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Admission control for the API: at most {@code teller.api.max-concurrent} calls (default two per core) are
 * carried out at once; a call that finds no room within {@code teller.api.queue-millis} (default
 * 1000) is answered at once with 503 SERVER_BUSY and Retry-After, instead of waiting behind the
 * others for many seconds. Past saturation more calls in flight only lengthen every call (they
 * queue for the same rows and connections), so turning the excess away keeps the answers of the
 * admitted ones quick, and the server recovers as soon as the load drops. The counter screens are
 * not limited. Both settings are read at start-up. Each refusal is counted ({@link Metrics}).
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class Admission extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /**
     * Two calls per core by default (at least 4): the work of a call is mostly CPU here, and more
     * calls in flight than that only queue for the cores and for the rows they lock, stretching
     * every lock's hold (bench/NOTES.md: at 16 clients on 2 cores, 4 places against 16 gave a fifth
     * more postings per second and a third of the hot account's p99).
     */
    private static final int DEFAULT_PLACES = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final AdmissionRoom ROOM = new AdmissionRoom(Integer.getInteger("teller.api.max-concurrent",
            DEFAULT_PLACES), Long.getLong("teller.api.queue-millis", 1_000));

    @Inject
    private transient Metrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!ROOM.enter()) {
            metrics.admissionRefused();
            response.setHeader("Retry-After", "1");
            Problem.write(request, response, ErrorCode.SERVER_BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            ROOM.leave();
        }
    }
}
