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
import jakarta.json.JsonObject;
import java.io.StringReader;
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

    @Override
    public void onMessage(Message message) {
        JsonObject posting;
        try {
            posting = Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
            posting.getString("messageId");
            posting.getJsonNumber("entryId").longValue();
        } catch (JMSException | RuntimeException unreadable) {
            LOG.warning("core simulator: unreadable posting dropped: " + unreadable);
            return;
        }
        CoreBook.Booking booking = book.book(posting);
        jms.createProducer().setProperty("entryId", booking.entryId()).send(acknowledgements,
                Json.createObjectBuilder().add("schema", "teller.core.acknowledgement").add("version", 1)
                        .add("messageId", booking.messageId()).add("entryId", booking.entryId())
                        .add("coreRef", booking.coreRef()).add("bookedAt", Instant.now().toString()).build().toString());
    }
}
