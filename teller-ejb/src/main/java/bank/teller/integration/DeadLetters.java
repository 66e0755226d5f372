package bank.teller.integration;

import bank.teller.audit.AuditEvent;
import bank.teller.audit.AuditTrail;
import bank.teller.security.Roles;
import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dead-letter queues (死信队列) for an operator: what is there and why, and each message either
 * sent again to the queue it came from (once whatever stopped it is mended) or discarded, with a
 * note; both audited. The channel listener puts a message it can never process here itself, on its
 * last delivery, with the reason ({@link #bury}); one the broker dead-lettered after its redelivery
 * limit carries none.
 */
@Stateless
@RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
public class DeadLetters {

    /** The queues with a dead-letter queue, by name (wildfly-config teller.cli). */
    public static final List<String> QUEUES = List.of("teller.channel.requests", "teller.channel.replies",
            "teller.core.postings", "teller.clearing.answers", "teller.clearing.incoming");
    private static final String REPLIES = "teller.channel.replies";
    /** Message properties a buried message carries. */
    static final String REASON = "reason";
    static final String ORIGINAL_QUEUE = "originalQueue";
    static final String ORIGINAL_MESSAGE_ID = "originalMessageId";
    static final String DELIVERIES = "deliveries";
    /** The channel a buried request came from (only Teller writes to a dead-letter queue). */
    static final String CHANNEL = "channel";
    static final int MAX_LISTED = 500;
    static final int MAX_BODY = 20_000;
    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,64}");

    /** A dead letter as the operator sees it. */
    public record DeadLetterView(String queue, String messageId, String correlationId, Instant deadSince,
                                 int deliveries, String reason, String body) {
    }

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @EJB
    private AuditTrail audit;

    /**
     * A queue's depth as the operations dashboard shows it: messages waiting (null for replies, which
     * wait on each channel's own reply queue) and dead, each counted up to {@link #DEPTH_MAX}.
     */
    public record QueueDepth(String queue, Integer waiting, int dead) {
    }

    /** Depths are counted by browsing, up to this many; more shows as this many. */
    public static final int DEPTH_MAX = 1000;

    /** Each queue's depth and its dead-letter queue's. */
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<QueueDepth> depths() {
        return QUEUES.stream().map(queue -> new QueueDepth(queue, REPLIES.equals(queue) ? null
                : count(jms.createQueue(queue)), count(deadLetterQueue(queue)))).toList();
    }

    private int count(Queue queue) {
        int n = 0;
        try (QueueBrowser browser = jms.createBrowser(queue)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && n < DEPTH_MAX) {
                messages.nextElement();
                n++;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue, e);
        }
        return n;
    }

    /** Up to 500 dead letters of {@code queue}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<DeadLetterView> list(String queue) {
        Queue dead = deadLetterQueue(queue);
        List<DeadLetterView> letters = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(dead)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < MAX_LISTED) {
                letters.add(view(queue, (Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + dead, e);
        }
        return letters;
    }

    /** Sends the dead letter again to the queue it came from and takes it off the dead-letter queue. */
    @RolesAllowed(Roles.SUPERVISOR)
    public DeadLetterView resend(String queue, String messageId, String note) {
        Message message = take(queue, messageId, note);
        try {
            JMSProducer producer = jms.createProducer().setJMSCorrelationID(correlationIdOf(message));
            for (String property : List.of("schema", "version")) {
                if (message.propertyExists(property)) {
                    producer.setProperty(property, message.getObjectProperty(property));
                }
            }
            producer.send(jms.createQueue(resendTo(queue, message)), textOf(message));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot resend " + messageId, e);
        }
        DeadLetterView view = view(queue, message);
        audit.record("DEAD_LETTER_RESENT", "dead-letter:" + queue + "/" + messageId, "note: " + note.strip()
                + "; reason was: " + view.reason(), AuditEvent.SUCCESS);
        return view;
    }

    /** Takes the dead letter off the dead-letter queue for good. */
    @RolesAllowed(Roles.SUPERVISOR)
    public DeadLetterView discard(String queue, String messageId, String note) {
        DeadLetterView view = view(queue, take(queue, messageId, note));
        audit.record("DEAD_LETTER_DISCARDED", "dead-letter:" + queue + "/" + messageId, "note: " + note.strip()
                + "; reason was: " + view.reason() + "; body: " + Text.abbreviated(view.body(), 2_000), AuditEvent.SUCCESS);
        return view;
    }

    /**
     * Puts a message that cannot be processed on its queue's dead-letter queue with the reason, in
     * the caller's transaction (the listener's, which consumes the original in the same commit).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void bury(String queue, String channel, Message message, String reason) {
        try {
            JMSProducer producer = jms.createProducer()
                    .setJMSCorrelationID(correlationIdOf(message))
                    .setProperty(REASON, Text.abbreviated(reason, 1_000))
                    .setProperty(ORIGINAL_QUEUE, queue)
                    .setProperty(ORIGINAL_MESSAGE_ID, message.getJMSMessageID())
                    .setProperty(DELIVERIES, message.getIntProperty("JMSXDeliveryCount"));
            if (channel != null) {
                producer.setProperty(CHANNEL, channel);
            }
            producer.send(deadLetterQueue(queue), textOf(message));
        } catch (JMSException e) {
            // rolls the delivery back: the broker dead-letters it after its redelivery limit
            throw new IllegalStateException("cannot dead-letter " + queue + " message", e);
        }
    }

    private Message take(String queue, String messageId, String note) {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "messageId", String.valueOf(messageId));
        }
        if (note == null || note.isBlank() || note.length() > 500) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "note", "a note of 1 to 500 characters");
        }
        try (JMSConsumer consumer = jms.createConsumer(deadLetterQueue(queue), "JMSMessageID = '" + messageId + "'")) {
            Message message = consumer.receive(1_000);
            if (message == null) {
                throw new TellerException(ErrorCode.DEAD_LETTER_NOT_FOUND, messageId);
            }
            return message;
        }
    }

    private Queue deadLetterQueue(String queue) {
        if (queue == null || !QUEUES.contains(queue)) {
            throw new TellerException(ErrorCode.VALIDATION_FAILED, "queue", String.valueOf(queue));
        }
        return jms.createQueue(queue + ".DLQ");
    }

    private static DeadLetterView view(String queue, Message message) {
        try {
            String reason = message.propertyExists(REASON) ? message.getStringProperty(REASON)
                    : "dead-lettered by the broker after its redelivery limit";
            int deliveries = message.propertyExists(DELIVERIES) ? message.getIntProperty(DELIVERIES)
                    : message.getIntProperty("JMSXDeliveryCount");
            return new DeadLetterView(queue, message.getJMSMessageID(), message.getJMSCorrelationID(),
                    Instant.ofEpochMilli(message.getJMSTimestamp()), deliveries, reason,
                    Text.abbreviated(textOf(message), MAX_BODY));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a dead letter", e);
        }
    }

    /**
     * Where a dead letter is sent again: a channel's request through the channel's own queue (so it
     * is the channel's again), a reply to the channel's reply queue it could not be delivered on,
     * anything else to the queue it came from.
     */
    private static String resendTo(String queue, Message message) throws JMSException {
        if (message.propertyExists(CHANNEL)) {
            return Channels.requests(message.getStringProperty(CHANNEL));
        }
        return Channels.replyQueueOf(message).orElse(queue);
    }

    private static String correlationIdOf(Message message) throws JMSException {
        return message.getJMSCorrelationID() != null ? message.getJMSCorrelationID() : message.getJMSMessageID();
    }

    private static String textOf(Message message) throws JMSException {
        return message instanceof TextMessage text ? text.getText() : null;
    }
}
