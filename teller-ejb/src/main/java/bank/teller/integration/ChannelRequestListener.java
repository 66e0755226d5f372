package bank.teller.integration;

import bank.teller.security.Roles;
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
 * the result, or a refusal with an error code. A message that cannot be read is not answered: it
 * is rolled back, redelivered a bounded number of times and then dead-lettered, changing nothing.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.channel.requests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll // the broker delivers; the listener then acts as the CHANNEL role
@RunAs(Roles.CHANNEL)
public class ChannelRequestListener implements MessageListener {

    @EJB
    private ChannelRequests requests;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.channel.replies")
    private Queue replies;

    @Override
    public void onMessage(Message message) {
        send(message, requests.handle(ChannelMessages.parse(body(message))));
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
