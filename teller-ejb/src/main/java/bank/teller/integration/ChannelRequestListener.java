package bank.teller.integration;

import bank.teller.platform.Trace;
import bank.teller.security.Roles;
import bank.teller.shared.Causes;
import bank.teller.shared.SameRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;

/**
 * Requests from the channels (online and mobile banking, self-service terminals): balance inquiries
 * and transfers, which each channel sends to its own {@code teller.channel.NAME.requests} and the
 * broker diverts into {@code teller.channel.requests}, marked with the channel's queue
 * ({@link Channels#of}). They are carried out by {@link ChannelRequests} as the system user "channel"
 * (run-as principal in META-INF/jboss-ejb3.xml) with the CHANNEL role, and each is answered on the
 * channel's own {@code teller.channel.NAME.replies} (never elsewhere, whatever JMSReplyTo says) with
 * the request's correlation id: the result, or a refusal with an error code. Request ids are the
 * channel's own: every message of a channel with the same request id gets the same answer
 * ({@link ChannelAnswers}), another channel's same id is another request. A message that cannot be
 * read or carried out, or that came through no channel's queue, is not answered: its delivery is
 * rolled back and redelivered, and on the last delivery the listener puts it on the dead-letter queue
 * itself, with the reason ({@link DeadLetters#bury}), changing nothing.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.channel.requests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll // the broker delivers; the listener then acts as the CHANNEL role
@RunAs(Roles.CHANNEL)
@Interceptors(TracedMessage.class)
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

    @Override
    public void onMessage(Message message) {
        String channel = Channels.of(message).orElse(null);
        Trace.channel(Trace.ONLINE);
        String answer;
        try {
            if (channel == null) {
                throw new MalformedMessageException("not sent to a channel's request queue");
            }
            ChannelMessages.Request request = ChannelMessages.parse(JmsMessages.text(message));
            answer = answers.answer(channel, request, () -> SameRequest.settled(() -> requests.handle(channel, request)));
        } catch (RuntimeException failed) {
            if (JmsMessages.deliveryCount(message, LAST_DELIVERY) < LAST_DELIVERY) {
                throw failed; // rolled back and redelivered: a passing fault may be gone by then
            }
            deadLetters.bury(QUEUE, channel, message, reason(failed));
            return;
        }
        send(channel, message, answer);
    }

    /** What the operator reads: the malformation, or the innermost cause of another failure. */
    private static String reason(RuntimeException failed) {
        Throwable cause = Causes.find(failed, MalformedMessageException.class).map(Throwable.class::cast)
                .orElseGet(() -> Causes.root(failed));
        return cause instanceof MalformedMessageException ? "malformed: " + cause.getMessage()
                : "failed: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void send(String channel, Message request, String body) {
        try {
            String correlationId = request.getJMSCorrelationID() != null
                    ? request.getJMSCorrelationID() : request.getJMSMessageID();
            Queue destination = jms.createQueue(Channels.replies(channel));
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