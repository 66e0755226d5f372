package bank.teller.integration;

import bank.teller.platform.Trace;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Gives the work of a message listener the message's request id ({@link Trace}): its {@code requestId}
 * property when the sender set one, else its correlation id, else its JMS id; cleared when the delivery
 * ends (the broker's threads deliver one message after another).
 */
public class TracedMessage {

    @AroundInvoke
    Object traced(InvocationContext call) throws Exception {
        Object[] parameters = call.getParameters();
        if (parameters.length != 1 || !(parameters[0] instanceof Message message)) {
            return call.proceed();
        }
        Trace.begin(requestId(message));
        try {
            return call.proceed();
        } finally {
            Trace.end();
        }
    }

    static String requestId(Message message) {
        try {
            String given = message.getStringProperty(Trace.REQUEST_ID);
            if (given == null) {
                given = message.getJMSCorrelationID();
            }
            return given != null ? given : message.getJMSMessageID();
        } catch (JMSException | RuntimeException unreadable) {
            return null; // a new id is made
        }
    }
}
