package bank.clearing.sim;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Another bank's wire to an account of Teller's, as the clearing system delivers it: {@code POST
 * /clearing-sim/api/incoming} with the payee's account and name and the amount (the payer's name,
 * account and bank, the purpose and the clearing reference are made up when left out; {@code "twice":
 * true} delivers it a second time, late) puts a {@code teller.clearing.incoming} message on {@code
 * teller.clearing.incoming}. Answers 202 with the clearing reference. The simulator's own test hook:
 * loopback only, like the rest of it.
 */
@Stateless
@Path("incoming")
public class IncomingWires {

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.clearing.incoming")
    private Queue incoming;

    private ClearingRules rules;

    @PostConstruct
    void start() {
        rules = ClearingRules.fromSettings();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(JsonObject wire) {
        String clearingRef = wire.getString("clearingRef",
                rules.incomingRef(ThreadLocalRandom.current().nextLong(10_000_000_000L)));
        String body = Json.createObjectBuilder()
                .add("schema", "teller.clearing.incoming").add("version", 1)
                .add("clearingRef", clearingRef)
                .add("payerName", wire.getString("payerName", "李四"))
                .add("payerAccount", wire.getString("payerAccount", "6217000010001234"))
                .add("payerBank", wire.getString("payerBank", "105100000017"))
                .add("payeeName", wire.getString("payeeName"))
                .add("payeeAccount", wire.getString("payeeAccount"))
                .add("amount", wire.getString("amount"))
                .add("currency", "CNY")
                .add("purpose", wire.getString("purpose", "货款"))
                .build().toString();
        for (long delay : rules.incomingDeliveries(wire.getBoolean("twice", false))) {
            jms.createProducer().setDeliveryDelay(delay).send(incoming, body);
        }
        return Response.accepted(Json.createObjectBuilder().add("clearingRef", clearingRef).build()).build();
    }
}
