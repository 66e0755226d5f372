package bank.teller.integration;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The channel systems on the broker (wildfly-config teller.cli): each sends its requests to
 * {@code teller.channel.NAME.requests}, which the broker diverts into the queue Teller reads, and
 * reads its answers on {@code teller.channel.NAME.replies}. A channel is whatever has such a reply
 * queue bound in JNDI, so the broker's configuration is the one list of channels.
 */
final class Channels {

    static final String CORE = "core";
    static final String CLEARING = "clearing";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,19}");
    /** The address the broker says a diverted message was sent to; no sender can set it. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final Pattern REQUEST_ADDRESS = Pattern.compile("jms\\.queue\\.teller\\.channel\\.([a-z][a-z0-9-]{1,19})\\.requests");
    private static final Pattern REPLY_ADDRESS = Pattern.compile("jms\\.queue\\.(teller\\.channel\\.[a-z][a-z0-9-]{1,19}\\.replies)");

    private Channels() {
    }

    /** True for the core and clearing systems and for every channel with its queues on the broker. */
    static boolean isSystem(String name) {
        return CORE.equals(name) || CLEARING.equals(name) || isChannel(name);
    }

    static boolean isChannel(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return false;
        }
        try {
            new InitialContext().lookup("java:/jms/queue/" + replies(name));
            return true;
        } catch (NamingException unknown) {
            return false;
        }
    }

    static String requests(String channel) {
        return "teller.channel." + channel + ".requests";
    }

    static String replies(String channel) {
        return "teller.channel." + channel + ".replies";
    }

    /** The channel whose request queue the message was sent to, if it came through one. */
    static Optional<String> of(Message message) {
        return originalAddress(message, REQUEST_ADDRESS);
    }

    /** The channel reply queue a dead-lettered reply was on, if it was one. */
    static Optional<String> replyQueueOf(Message message) {
        return originalAddress(message, REPLY_ADDRESS);
    }

    private static Optional<String> originalAddress(Message message, Pattern pattern) {
        try {
            String address = message.getStringProperty(ORIGINAL_ADDRESS);
            Matcher matcher = pattern.matcher(address == null ? "" : address);
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (JMSException e) {
            return Optional.empty();
        }
    }
}
