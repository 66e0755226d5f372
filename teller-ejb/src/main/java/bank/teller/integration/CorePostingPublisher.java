package bank.teller.integration;

import static bank.teller.shared.JsonSupport.JSON;

import bank.teller.ledger.domain.JournalEntry;
import bank.teller.ledger.domain.JournalLine;
import bank.teller.platform.Trace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Announces a posted journal entry to the core banking system on {@code teller.core.postings}
 * (schema {@code teller.core.posting}, version 1), through the XA connection factory in the
 * caller's transaction: the outbox relay's, which removes the entry's outbox row in the same commit.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CorePostingPublisher {

    private static final Logger LOG = Logger.getLogger(CorePostingPublisher.class.getName());

    public static final String SCHEMA = "teller.core.posting";
    public static final int VERSION = 1;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/teller.core.postings")
    private Queue queue;

    /**
     * Sends each entry's message, in order, with the request id of the work that posted it ({@code requestId},
     * when known); an entry that no longer balances is never announced to the core (nor any after it in the
     * list: the caller's transaction is rolled back).
     */
    public void publish(List<JournalEntry> entries, Map<Long, String> requestIds) {
        JMSProducer producer = jms.createProducer().setProperty("schema", SCHEMA).setProperty("version", VERSION);
        for (JournalEntry entry : entries) {
            entry.requireBalanced();
            String requestId = requestIds.get(entry.id());
            producer.setProperty("entryId", entry.id()).setProperty(Trace.REQUEST_ID, requestId).send(queue, toJson(entry));
            LOG.fine(() -> "sent entry " + entry.id() + " to the core system, request " + requestId);
        }
    }

    /** The posting's message id: stable per entry, so the core deduplicates on it. */
    static String messageId(long entryId) {
        return "TLR-POSTING-" + entryId;
    }

    static String toJson(JournalEntry entry) {
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        // in line order, whichever order the lines were read in (the relay reads them joined)
        for (JournalLine line : entry.lines().stream().sorted(Comparator.comparingInt(JournalLine::lineNo)).toList()) {
            JsonObjectBuilder l = JSON.createObjectBuilder()
                    .add("lineNo", line.lineNo())
                    .add("glCode", line.glCode())
                    .add("side", line.side().name())
                    .add("amount", line.amount().toPlainString())
                    .add("currency", line.amount().currency());
            if (line.accountNumber() != null) {
                l.add("accountNumber", line.accountNumber());
            }
            lines.add(l);
        }
        return JSON.createObjectBuilder()
                .add("schema", SCHEMA)
                .add("version", VERSION)
                .add("messageId", messageId(entry.id()))
                .add("entryId", entry.id())
                .add("requestId", entry.requestId())
                .add("type", entry.type())
                .add("businessDate", entry.businessDate().toString())
                .add("branchCode", entry.branchCode())
                .add("teller", entry.teller())
                .add("postedAt", entry.postedAt().toString())
                .add("lines", lines)
                .build().toString();
    }
}
