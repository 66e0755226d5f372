package bank.teller.integration;

import bank.teller.payment.application.IncomingWireReturned;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Instant;

/**
 * Tells the clearing system that a wire in goes back to its remitting bank (退汇): a {@code
 * teller.clearing.return} message on {@code teller.clearing.wires}, sent through the XA connection
 * factory in the return's transaction, so only with its posting's commit.
 */
@ApplicationScoped
public class ClearingReturns {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.clearing.wires")
    private Queue queue;

    void send(@Observes IncomingWireReturned returned) {
        jms.createProducer().setProperty("schema", ClearingMessages.RETURN_SCHEMA)
                .setProperty("version", ClearingMessages.VERSION)
                .setProperty("clearingRef", returned.wire().clearingRef())
                .send(queue, ClearingMessages.returned(returned.wire(), returned.reason(), Instant.now()));
    }
}
