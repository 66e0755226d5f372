package bank.teller.integration;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.interceptor.Interceptors;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the core system's acknowledgements from {@code teller.core.acknowledgements} (schema
 * teller.core.acknowledgement) and records each against its entry ({@link CoreAcknowledgements}), in
 * the delivery's transaction. One that cannot be read, or names no entry of Teller's, changes nothing:
 * redelivered, and on the last delivery put on the dead-letter queue with the reason.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.core.acknowledgements"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll
@Interceptors(TracedMessage.class)
public class CoreAcknowledgementListener implements MessageListener {

    /** The broker's max-delivery-attempts of teller.core.acknowledgements (wildfly-config teller.cli). */
    static final int LAST_DELIVERY = 5;
    static final String QUEUE = "teller.core.acknowledgements";

    @EJB
    private CoreAcknowledgements acknowledgements;
    @EJB
    private DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            CoreAcknowledgements.Acknowledgement ack = CoreAcknowledgements.parse(JmsMessages.text(message));
            if (!acknowledgements.acknowledged(ack)) {
                throw new MalformedMessageException("no entry " + ack.entryId());
            }
        } catch (RuntimeException failed) {
            if (JmsMessages.deliveryCount(message, LAST_DELIVERY) < LAST_DELIVERY) {
                throw failed;
            }
            deadLetters.bury(QUEUE, null, message, JmsMessages.deadLetterReason(failed));
        }
    }
}
