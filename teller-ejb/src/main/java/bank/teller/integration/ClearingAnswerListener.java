package bank.teller.integration;

import bank.teller.payment.application.ClearingAnswers;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.interceptor.Interceptors;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes the clearing system's answers from {@code teller.clearing.answers} ({@link ClearingMessages})
 * and applies each to its wire ({@link ClearingAnswers}), in the delivery's transaction. An answer
 * that cannot be read, or names no wire of Teller's, changes nothing: its delivery is rolled back and
 * redelivered, and on the last delivery put on the dead-letter queue with the reason, for a
 * supervisor to see on the dead-letters screen.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/teller.clearing.answers"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@PermitAll
@Interceptors(TracedMessage.class)
public class ClearingAnswerListener implements MessageListener {

    /** The broker's max-delivery-attempts of teller.clearing.answers (wildfly-config teller.cli). */
    static final int LAST_DELIVERY = 3;
    static final String QUEUE = "teller.clearing.answers";

    @EJB
    private ClearingAnswers answers;
    @EJB
    private DeadLetters deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            ClearingAnswers.Answer answer = ClearingMessages.answer(JmsMessages.text(message));
            if (answers.apply(answer).isEmpty()) {
                throw new MalformedMessageException("no wire " + answer.reference());
            }
        } catch (RuntimeException failed) {
            if (JmsMessages.deliveryCount(message, LAST_DELIVERY) < LAST_DELIVERY) {
                throw failed;
            }
            deadLetters.bury(QUEUE, null, message, JmsMessages.deadLetterReason(failed));
        }
    }
}
