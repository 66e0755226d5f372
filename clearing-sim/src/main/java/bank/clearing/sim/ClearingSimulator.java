package bank.clearing.sim;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
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
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.logging.Logger;

/**
 * The clearing system as Teller sees it on the broker: reads each wire from
 * {@code teller.clearing.wires} and answers on {@code teller.clearing.answers} as {@link ClearingRules}
 * says, each answer delayed by the broker (JMS delivery delay), so it arrives late and out of the
 * wire's transaction like the real thing; a wire in that Teller returns ({@code teller.clearing.return})
 * is taken without an answer. Settings: {@code clearing.sim.settle-millis} (default 1000)
 * and {@code clearing.sim.chaos-per-mille} (how many answers in a thousand are sent twice; default 0).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.clearing.wires"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class ClearingSimulator implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ClearingSimulator.class.getName());

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.clearing.answers")
    private Queue answers;

    private ClearingRules rules;

    @PostConstruct
    void start() {
        rules = ClearingRules.fromSettings();
    }

    @Override
    public void onMessage(Message message) {
        JsonObject wire;
        try {
            wire = Json.createReader(new StringReader(((TextMessage) message).getText())).readObject();
        } catch (JMSException | RuntimeException unreadable) {
            LOG.warning("clearing simulator: unreadable wire message dropped: " + unreadable);
            return;
        }
        if ("teller.clearing.return".equals(wire.getString("schema", ""))) {
            // a wire in that Teller sends back to its bank: the clearing system takes it; nothing to answer
            LOG.info("clearing simulator: wire in " + wire.getString("clearingRef", "?") + " returned by Teller: "
                    + wire.getString("reason", ""));
            return;
        }
        String reference = wire.getString("reference");
        String clearingRef = rules.clearingRef(reference);
        for (ClearingRules.Answer answer : rules.answers(wire.getString("payeeBank"), wire.getString("payeeAccount"))) {
            JsonObjectBuilder body = Json.createObjectBuilder().add("schema", "teller.clearing.answer").add("version", 1)
                    .add("reference", reference).add("status", answer.status()).add("clearingRef", clearingRef);
            if (answer.reason() != null) {
                body.add("reason", answer.reason());
            }
            jms.createProducer().setDeliveryDelay(answer.delayMillis()).send(answers, body.build().toString());
        }
    }
}
