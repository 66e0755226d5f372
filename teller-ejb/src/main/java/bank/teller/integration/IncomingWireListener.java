package bank.teller.integration;

import bank.teller.payment.application.IncomingWires;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.interceptor.Interceptors;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the wires in from other banks from {@code teller.clearing.incoming} ({@link ClearingMessages})
 * and books each once ({@link IncomingWires}), in the delivery's transaction. A message that cannot be
 * read changes nothing: its delivery is rolled back and redelivered, and on the last delivery put on
 * the dead-letter queue with the reason, for a supervisor to see on the dead-letters screen.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.clearing.incoming"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll
@Interceptors(TracedMessage.class)
public class IncomingWireListener implements MessageListener {

    /** The broker's max-delivery-attempts of teller.clearing.incoming (wildfly-config teller.cli). */
    static final int LAST_DELIVERY = 3;
    static final String QUEUE = "teller.clearing.incoming";

    @EJB
    private IncomingWires incoming;
    @EJB
    private DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            incoming.receive(ClearingMessages.incoming(JmsMessages.text(message)));
        } catch (RuntimeException failed) {
            if (JmsMessages.deliveryCount(message, LAST_DELIVERY) < LAST_DELIVERY) {
                throw failed;
            }
            deadLetters.bury(QUEUE, null, message, JmsMessages.deadLetterReason(failed));
        }
    }
}
