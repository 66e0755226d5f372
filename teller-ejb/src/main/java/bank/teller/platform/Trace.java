package bank.teller.platform;

import bank.teller.security.Roles;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * What the work on this thread serves, in the logging context (MDC) so that every log line of it says so
 * (the server's JSON log, issue 20): the request id — the HTTP call's {@code X-Request-Id} or one made for it,
 * a message's {@code requestId} property or its JMS id — and the channel a posting comes through (the
 * metrics' {@code channel} tag). Set where work enters Teller (the web filter, the authentication, the
 * message listeners, the relays) and cleared when it leaves: the server's threads serve one request
 * after another.
 */
public final class Trace {

    public static final String REQUEST_ID = "requestId";
    public static final String CHANNEL = "channel";
    /** The channel of work no user asked for: batch jobs, timers, the core system's and clearing's messages. */
    public static final String SYSTEM = "SYSTEM";
    /** The channels of callers: channel systems (online and mobile banking), self-service terminals, the counter's staff. */
    public static final String ONLINE = "ONLINE";
    public static final String TERMINAL = "TERMINAL";
    public static final String COUNTER = "COUNTER";
    /** A request id as a caller may give it (anything else is replaced by one Teller makes). */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Trace() {
    }

    /**
     * Begins the work of a request: its id, the caller's if well formed, else a new one (the channel is
     * the caller's, set when they are known); answers the id.
     */
    public static String begin(String given) {
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, id);
        return id;
    }

    /** Ends the work of the request on this thread. */
    public static void end() {
        MDC.remove(REQUEST_ID);
        MDC.remove(CHANNEL);
    }

    /** The channel of the work on this thread: as its caller's roles say ({@link #channelOf}), or SYSTEM. */
    public static String channel() {
        Object channel = MDC.get(CHANNEL);
        return channel == null ? SYSTEM : channel.toString();
    }

    /** The channel of the work on this thread from now on; null: none known (SYSTEM). */
    public static void channel(String channel) {
        if (channel == null) {
            MDC.remove(CHANNEL);
        } else {
            MDC.put(CHANNEL, channel);
        }
    }

    /** The request id of the work on this thread, or null. */
    public static String requestId() {
        Object id = MDC.get(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /** The channel of a caller holding {@code roles}: ONLINE for channel systems, TERMINAL for self-service terminals, else COUNTER. */
    public static String channelOf(Set<String> roles) {
        if (roles.contains(Roles.CHANNEL)) {
            return ONLINE;
        }
        return roles.contains(Roles.TERMINAL) ? TERMINAL : COUNTER;
    }
}
