package bank.teller.integration;

import static bank.teller.shared.JsonSupport.JSON;

import bank.teller.payment.application.ClearingAnswers;
import bank.teller.payment.domain.Wire;
import bank.teller.payment.domain.WireStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;

/**
 * The messages exchanged with the clearing system: a wire out ({@code teller.clearing.wire}, version 1,
 * on {@code teller.clearing.wires}) and its answers ({@code teller.clearing.answer}, version 1, on
 * {@code teller.clearing.answers}): ACCEPTED, SETTLED, REJECTED or RETURNED, with the clearing
 * reference and, for a refusal, the reason.
 */
public final class ClearingMessages {

    public static final String WIRE_SCHEMA = "teller.clearing.wire";
    public static final String ANSWER_SCHEMA = "teller.clearing.answer";
    public static final int VERSION = 1;

    private ClearingMessages() {
    }

    static String wire(Wire wire, String payerName, Instant sentAt) {
        Wire.Payee payee = wire.payee();
        return JSON.createObjectBuilder()
                .add("schema", WIRE_SCHEMA)
                .add("version", VERSION)
                .add("messageId", "TLR-WIRE-" + wire.reference())
                .add("reference", wire.reference())
                .add("route", wire.route().name())
                .add("urgent", wire.urgent())
                .add("payerAccount", wire.payerAccount())
                .add("payerName", payerName)
                .add("payeeName", payee.name())
                .add("payeeAccount", payee.account())
                .add("payeeBank", payee.bankCode())
                .add("amount", wire.amount().toPlainString())
                .add("currency", wire.amount().currency())
                .add("purpose", wire.purpose())
                .add("businessDate", wire.businessDate().toString())
                .add("branchCode", wire.branchCode())
                .add("sentAt", sentAt.toString())
                .build().toString();
    }

    /** The answer a message carries; MalformedMessageException when it is none. */
    static ClearingAnswers.Answer answer(String body) {
        JsonObject json = JmsMessages.versioned(body, VERSION);
        if (!(json.get("schema") instanceof JsonString schema && ANSWER_SCHEMA.equals(schema.getString()))) {
            throw new MalformedMessageException("schema must be " + ANSWER_SCHEMA);
        }
        WireStatus status;
        try {
            status = WireStatus.valueOf(required(json, "status"));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("status must be ACCEPTED, SETTLED, REJECTED or RETURNED", e);
        }
        if (status == WireStatus.SUBMITTED) {
            throw new MalformedMessageException("status must be ACCEPTED, SETTLED, REJECTED or RETURNED");
        }
        String clearingRef = optional(json, "clearingRef");
        if (clearingRef != null && clearingRef.length() > Wire.CLEARING_REF_MAX) {
            throw new MalformedMessageException("clearingRef longer than " + Wire.CLEARING_REF_MAX);
        }
        return new ClearingAnswers.Answer(required(json, "reference"), status, clearingRef, optional(json, "reason"));
    }

    private static String required(JsonObject json, String field) {
        String value = optional(json, field);
        if (value == null || value.isBlank()) {
            throw new MalformedMessageException(field + " is required");
        }
        return value;
    }

    private static String optional(JsonObject json, String field) {
        if (!json.containsKey(field) || json.isNull(field)) {
            return null;
        }
        if (!(json.get(field) instanceof JsonString text)) {
            throw new MalformedMessageException(field + " must be a string");
        }
        return text.getString();
    }
}
