package bank.teller.integration;

import bank.teller.payment.domain.Wire;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Instant;

/**
 * Sends a wire to the clearing system on {@code teller.clearing.wires}, through the XA connection
 * factory in the caller's transaction: the relay's, which removes the wire's outbox row in the same commit.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ClearingPublisher {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.clearing.wires")
    private Queue queue;

    public void publish(Wire wire, String payerName, Instant now) {
        jms.createProducer().setProperty("schema", ClearingMessages.WIRE_SCHEMA)
                .setProperty("version", ClearingMessages.VERSION).setProperty("reference", wire.reference())
                .send(queue, ClearingMessages.wire(wire, payerName, now));
    }
}
