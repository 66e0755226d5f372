package bank.teller.integration;

import bank.teller.payment.application.WireRefunded;
import bank.teller.payment.domain.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * Tells the channel that sent a wire when its money comes back (rejected or returned): a
 * {@code WIRE_STATUS} message on the channel's own reply queue, with the channel's request id of the
 * wire, sent through the XA connection factory in the answer's transaction (so only with its commit).
 * A wire sent at the counter has no channel to tell: the counter sees it on the wire screen.
 */
@ApplicationScoped
public class ChannelWireNotices {

    /** The user every channel's requests run as (jboss-ejb3.xml run-as principal). */
    static final String CHANNEL_USER = "channel";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    void tell(@Observes WireRefunded refunded) {
        Wire wire = refunded.wire();
        int colon = wire.requestId().indexOf(':');
        if (!CHANNEL_USER.equals(wire.requestedBy()) || colon < 1) {
            return;
        }
        String channel = wire.requestId().substring(0, colon);
        if (!Channels.isChannel(channel)) {
            return;
        }
        jms.createProducer()
                .setJMSCorrelationID("wire:" + wire.reference())
                .setProperty("schema", ChannelMessages.REPLY_SCHEMA)
                .setProperty("version", ChannelMessages.VERSION)
                .send(jms.createQueue(Channels.replies(channel)),
                        ChannelMessages.wireRefunded(wire.requestId().substring(colon + 1), wire, refunded.reason()));
    }
}
