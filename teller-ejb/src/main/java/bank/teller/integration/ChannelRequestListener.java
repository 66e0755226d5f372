package bank.teller.integration;

import bank.teller.security.Roles;
import bank.teller.shared.Causes;
import bank.teller.shared.SameRequest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Requests from online and mobile banking on {@code teller.channel.requests}: balance inquiries and
 * transfers, carried out by {@link ChannelRequests} as the system user "channel" (run-as principal
 * in META-INF/jboss-ejb3.xml) with the CHANNEL role. Each is answered on
 * {@code teller.channel.replies} (or the message's JMSReplyTo) with the request's correlation id:
 * the result, or a refusal with an error code; every message with the same request id gets the
 * same answer ({@link ChannelAnswers}). A message that cannot be read or carried out is not
 * answered: its delivery is rolled back and redelivered, and on the last delivery the listener puts
 * it on the dead-letter queue itself, with the reason ({@link DeadLetters#bury}), changing nothing.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.channel.requests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll // the broker delivers; the listener then acts as the CHANNEL role
@RunAs(Roles.CHANNEL)
public class ChannelRequestListener implements MessageListener {

    /**
     * The broker's max-delivery-attempts of teller.channel.requests (wildfly-config teller.cli): the
     * delivery that dead-letters a message the listener cannot process.
     */
    static final int LAST_DELIVERY = 3;
    static final String QUEUE = "teller.channel.requests";

    @EJB
    private ChannelRequests requests;
    @EJB
    private ChannelAnswers answers;
    @EJB
    private DeadLetters deadLetters;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.channel.replies")
    private Queue replies;

    @Override
    public void onMessage(Message message) {
        String answer;
        try {
            ChannelMessages.Request request = ChannelMessages.parse(body(message));
            answer = answers.answer(request, () -> SameRequest.settled(() -> requests.handle(request)));
        } catch (RuntimeException failed) {
            if (deliveryCount(message) < LAST_DELIVERY) {
                throw failed; // rolled back and redelivered: a passing fault may be gone by then
            }
            deadLetters.bury(QUEUE, message, reason(failed));
            return;
        }
        send(message, answer);
    }

    private static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | NumberFormatException e) {
            return LAST_DELIVERY;
        }
    }

    /** What the operator reads: the malformation, or the innermost cause of another failure. */
    private static String reason(RuntimeException failed) {
        Throwable cause = Causes.find(failed, MalformedMessageException.class).map(Throwable.class::cast)
                .orElseGet(() -> Causes.root(failed));
        return cause instanceof MalformedMessageException ? "malformed: " + cause.getMessage()
                : "failed: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String body(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new MalformedMessageException("not a text message");
        }
        try {
            return text.getText();
        } catch (JMSException e) {
            throw new MalformedMessageException("unreadable text message", e);
        }
    }

    private void send(Message request, String body) {
        try {
            String correlationId = request.getJMSCorrelationID() != null
                    ? request.getJMSCorrelationID() : request.getJMSMessageID();
            Destination destination = request.getJMSReplyTo() != null ? request.getJMSReplyTo() : replies;
            jms.createProducer()
                    .setJMSCorrelationID(correlationId)
                    .setProperty("schema", ChannelMessages.REPLY_SCHEMA)
                    .setProperty("version", ChannelMessages.VERSION)
                    .send(destination, body);
        } catch (JMSException e) {
            // rolls the delivery back: the request is redelivered and answered then, or dead-lettered
            throw new IllegalStateException("cannot reply to channel request", e);
        }
    }
}
