package bank.teller.integration;

import bank.teller.platform.Jdbc;
import bank.teller.shared.StoredTime;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Where each journal entry stands with the core banking system ({@code core_posting}): SENT when the
 * outbox relay announced it ({@link #sent}, in the relay's transaction), ACKNOWLEDGED with the core's
 * reference when the core says it booked it ({@link #acknowledged}). An acknowledgement that comes
 * again changes nothing; one with another reference for a booked entry is kept out and logged.
 */
@Stateless
@PermitAll
public class CoreAcknowledgements {

    public static final String SCHEMA = "teller.core.acknowledgement";
    public static final int VERSION = 1;
    static final int CORE_REF_MAX = 40;
    private static final Logger LOG = Logger.getLogger(CoreAcknowledgements.class.getName());

    /** An acknowledgement as read: Teller's entry and the core's reference. */
    public record Acknowledgement(long entryId, String coreRef) {
    }

    @Inject
    private Jdbc jdbc;

    private final Clock clock = Clock.systemUTC();

    /** The acknowledgement a message carries; MalformedMessageException when it is none. */
    static Acknowledgement parse(String body) {
        JsonObject json = JmsMessages.versioned(body, VERSION);
        if (!(json.get("schema") instanceof JsonString schema && SCHEMA.equals(schema.getString()))) {
            throw new MalformedMessageException("schema must be " + SCHEMA);
        }
        if (!(json.get("entryId") instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 1) {
            throw new MalformedMessageException("entryId must be a positive whole number");
        }
        long entryId = number.longValueExact();
        if (!(json.get("messageId") instanceof JsonString messageId)
                || !messageId.getString().equals(CorePostingPublisher.messageId(entryId))) {
            throw new MalformedMessageException("messageId must be " + CorePostingPublisher.messageId(entryId));
        }
        if (!(json.get("coreRef") instanceof JsonString coreRef) || coreRef.getString().isBlank()
                || coreRef.getString().length() > CORE_REF_MAX) {
            throw new MalformedMessageException("coreRef is required, up to " + CORE_REF_MAX + " characters");
        }
        return new Acknowledgement(entryId, coreRef.getString());
    }

    /** For the relay, in its transaction: the entries it announced. */
    public void sent(List<Long> entryIds, Instant at) {
        jdbc.batch("INSERT INTO core_posting (entry_id, state, sent_at) VALUES (?, 'SENT', ?)",
                entryIds.stream().map(id -> new Object[] {id, at}).toList());
    }

    /**
     * Records that the core booked the entry; false when Teller has no such entry. (An entry announced
     * before Teller kept the state has no row: it is acknowledged as it comes.)
     */
    public boolean acknowledged(Acknowledgement ack) {
        Instant now = StoredTime.now(clock);
        if (jdbc.update("UPDATE core_posting SET state = 'ACKNOWLEDGED', core_ref = ?, acknowledged_at = ? "
                + "WHERE entry_id = ? AND state = 'SENT'", ack.coreRef(), now, ack.entryId()) == 1) {
            return true;
        }
        List<String> known = jdbc.query("SELECT core_ref FROM core_posting WHERE entry_id = ?",
                row -> row.getString(1), ack.entryId());
        if (!known.isEmpty()) {
            if (!ack.coreRef().equals(known.get(0))) {
                LOG.warning("entry " + ack.entryId() + " acknowledged by the core as " + ack.coreRef()
                        + ", booked before as " + known.get(0) + ": the first kept");
            }
            return true;
        }
        if (jdbc.query("SELECT 1 FROM journal_entry WHERE id = ?", row -> 1, ack.entryId()).isEmpty()) {
            return false;
        }
        jdbc.update("INSERT INTO core_posting (entry_id, state, sent_at, core_ref, acknowledged_at) "
                + "VALUES (?, 'ACKNOWLEDGED', ?, ?, ?)", ack.entryId(), now, ack.coreRef(), now);
        return true;
    }
}
