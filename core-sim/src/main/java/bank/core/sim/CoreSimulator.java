package bank.core.sim;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The core banking system as Teller sees it on the broker: reads each posting from
 * {@code teller.core.postings}, books it once in its own book ({@link CoreBook}) and acknowledges it
 * on {@code teller.core.acknowledgements} with its own reference (schema teller.core.acknowledgement),
 * in the delivery's transaction; a posting delivered again is acknowledged again with the same reference.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.core.postings"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class CoreSimulator implements MessageListener {

    private static final Logger LOG = Logger.getLogger(CoreSimulator.class.getName());

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.core.acknowledgements")
    private Queue acknowledgements;

    @EJB
    private CoreBook book;
    @EJB
    private Misbehaviours misbehaviours;

    @Override
    public void onMessage(Message message) {
        JsonObject posting;
        try {
            posting = Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
            posting.getString("messageId");
            posting.getJsonNumber("entryId").longValue();
            book.received(posting.getString("messageId"), message.getJMSMessageID());
            String requestId = message.getStringProperty("requestId");
            if (requestId != null) { // kept with the booking, as a core system's log keeps it
                posting = Json.createObjectBuilder(posting).add("requestId", requestId).build();
            }
        } catch (JMSException | RuntimeException unreadable) {
            LOG.warning("core simulator: unreadable posting dropped: " + unreadable);
            return;
        }
        Misbehaviours.Kind wrong = book.ofMessage(posting.getString("messageId")).isPresent() ? null
                : misbehaviours.take(posting);
        if (wrong == Misbehaviours.Kind.DROP) {
            LOG.info("core simulator: posting " + posting.getString("messageId") + " dropped, as told");
            return;
        }
        CoreBook.Booking booking = book.book(wrong == Misbehaviours.Kind.WRONG_AMOUNT ? oneFenMore(posting) : posting);
        acknowledge(booking, wrong == Misbehaviours.Kind.LATE ? Misbehaviours.LATE_MILLIS : 0);
        if (wrong == Misbehaviours.Kind.TWICE) {
            acknowledge(book.bookAgain(booking.messageId() + "#2", posting), 0);
        }
    }

    private void acknowledge(CoreBook.Booking booking, long delayMillis) {
        jms.createProducer().setDeliveryDelay(delayMillis).setProperty("entryId", booking.entryId())
                .setProperty("requestId", booking.posting().getString("requestId", null)).send(acknowledgements,
                Json.createObjectBuilder().add("schema", "teller.core.acknowledgement").add("version", 1)
                        .add("messageId", CoreBook.messageIdOf(booking)).add("entryId", booking.entryId())
                        .add("coreRef", booking.coreRef()).add("bookedAt", Instant.now().toString()).build().toString());
    }

    /** The posting with its first line's amount one fen more: what a core that books it wrong keeps. */
    private static JsonObject oneFenMore(JsonObject posting) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        JsonArray original = posting.getJsonArray("lines");
        for (int i = 0; i < original.size(); i++) {
            JsonObject line = original.getJsonObject(i);
            lines.add(i > 0 ? Json.createObjectBuilder(line) : Json.createObjectBuilder(line).add("amount",
                    new BigDecimal(line.getString("amount")).add(new BigDecimal("0.01")).toPlainString()));
        }
        return Json.createObjectBuilder(posting).add("lines", lines).build();
    }
}
