package bank.teller.integration;

import static bank.teller.shared.JsonSupport.JSON;

import bank.teller.shared.Causes;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;

/** What Teller's listeners share in reading a message: its text, its delivery count, its JSON object of a version. */
final class JmsMessages {

    private JmsMessages() {
    }

    /** The text of a text message; MalformedMessageException for any other. */
    static String text(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new MalformedMessageException("not a text message");
        }
        try {
            return text.getText();
        } catch (JMSException e) {
            throw new MalformedMessageException("unreadable text message", e);
        }
    }

    /** How often the broker has delivered the message, this time included ({@code last} if it does not say). */
    static int deliveryCount(Message message, int last) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | NumberFormatException e) {
            return last;
        }
    }

    /** The body's JSON object, of {@code version}; MalformedMessageException when it is none. */
    static JsonObject versioned(String body, int version) {
        if (body == null) {
            throw new MalformedMessageException("empty message");
        }
        JsonObject json;
        try {
            json = JSON.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedMessageException("not a JSON object: " + e.getMessage(), e);
        }
        // compared as a decimal: intValue() of a long version would drop its high bits (2^32 + 1 is not 1)
        if (!(json.get("version") instanceof JsonNumber given)
                || given.bigDecimalValue().compareTo(BigDecimal.valueOf(version)) != 0) {
            throw new MalformedMessageException("unsupported or missing version");
        }
        return json;
    }

    /** Why a message is dead-lettered: malformed (what is wrong with it) or failed (the root cause). */
    static String deadLetterReason(RuntimeException failed) {
        return Causes.find(failed, MalformedMessageException.class).map(m -> "malformed: " + m.getMessage())
                .orElseGet(() -> "failed: " + Causes.root(failed));
    }
}
