package bank.teller.integration;

import bank.teller.account.application.AccountQueries;
import bank.teller.account.application.AccountView;
import bank.teller.security.Roles;
import bank.teller.shared.TellerException;
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
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.logging.Logger;

/**
 * Requests from online and mobile banking on {@code teller.channel.requests} (schema
 * {@code teller.channel.request}, version 1). Each is answered on {@code teller.channel.replies}
 * (or the message's JMSReplyTo) with the request's correlation id - the result or a coded refusal.
 * A message that cannot be parsed is not answered: it is rolled back, redelivered and finally
 * dead-lettered.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.channel.requests"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll // the broker delivers; the listener then acts as the CHANNEL role
@RunAs(Roles.CHANNEL)
public class ChannelRequestListener implements MessageListener {

    public static final String REQUEST_SCHEMA = "teller.channel.request";
    public static final String REPLY_SCHEMA = "teller.channel.reply";
    public static final int VERSION = 1;
    private static final Logger LOG = Logger.getLogger(ChannelRequestListener.class.getName());

    @EJB
    private AccountQueries accountQueries;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.channel.replies")
    private Queue replies;

    @Override
    public void onMessage(Message message) {
        JsonObject request = parse(message);
        String requestId = requiredString(request, "requestId");
        String type = requiredString(request, "type");
        JsonObjectBuilder reply = Json.createObjectBuilder()
                .add("schema", REPLY_SCHEMA)
                .add("version", VERSION)
                .add("requestId", requestId)
                .add("type", type);
        switch (type) {
            case "BALANCE_INQUIRY" -> balanceInquiry(requiredString(request, "accountNumber"), reply);
            default -> throw new MalformedMessageException("unknown request type " + type);
        }
        send(message, reply.build().toString());
    }

    private void balanceInquiry(String accountNumber, JsonObjectBuilder reply) {
        try {
            AccountView account = accountQueries.account(accountNumber);
            reply.add("status", "OK")
                    .add("accountNumber", account.accountNumber())
                    .add("accountStatus", account.status())
                    .add("balance", account.balance())
                    .add("currency", account.currency());
        } catch (TellerException refused) {
            reply.add("status", "REFUSED").add("code", refused.code().name());
        }
    }

    private JsonObject parse(Message message) {
        try {
            if (!(message instanceof TextMessage text) || text.getText() == null) {
                throw new MalformedMessageException("not a text message");
            }
            JsonObject json = Json.createReader(new StringReader(text.getText())).readObject();
            if (!json.containsKey("version") || json.getJsonNumber("version") == null
                    || json.getJsonNumber("version").intValue() != VERSION) {
                throw new MalformedMessageException("unsupported or missing version");
            }
            return json;
        } catch (JMSException | JsonException | ClassCastException e) {
            throw new MalformedMessageException("unreadable channel request: " + e.getMessage(), e);
        }
    }

    private static String requiredString(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonString value) || value.getString().isBlank()
                || value.getString().length() > 64) {
            throw new MalformedMessageException("missing or invalid field " + field);
        }
        return value.getString();
    }

    private void send(Message request, String body) {
        try {
            String correlationId = request.getJMSCorrelationID() != null
                    ? request.getJMSCorrelationID() : request.getJMSMessageID();
            Destination destination = request.getJMSReplyTo() != null ? request.getJMSReplyTo() : replies;
            jms.createProducer()
                    .setJMSCorrelationID(correlationId)
                    .setProperty("schema", REPLY_SCHEMA)
                    .setProperty("version", VERSION)
                    .send(destination, body);
        } catch (JMSException e) {
            LOG.warning(() -> "cannot reply to channel request: " + e);
            throw new IllegalStateException("cannot reply to channel request", e);
        }
    }
}
