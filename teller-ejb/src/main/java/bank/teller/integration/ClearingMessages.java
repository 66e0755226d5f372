package bank.teller.integration;

import static bank.teller.shared.JsonSupport.JSON;

import bank.teller.payment.application.ClearingAnswers;
import bank.teller.payment.domain.IncomingWire;
import bank.teller.payment.domain.Wire;
import bank.teller.payment.domain.WireStatus;
import bank.teller.shared.Money;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The messages exchanged with the clearing system (each version 1): a wire out ({@code
 * teller.clearing.wire}, on {@code teller.clearing.wires}) and its answers ({@code
 * teller.clearing.answer}, on {@code teller.clearing.answers}): ACCEPTED, SETTLED, REJECTED or
 * RETURNED, with the clearing reference and, for a refusal, the reason; a wire in from another bank
 * ({@code teller.clearing.incoming}, on {@code teller.clearing.incoming}) and its return to the
 * remitting bank ({@code teller.clearing.return}, on {@code teller.clearing.wires}).
 */
public final class ClearingMessages {

    public static final String WIRE_SCHEMA = "teller.clearing.wire";
    public static final String ANSWER_SCHEMA = "teller.clearing.answer";
    public static final String INCOMING_SCHEMA = "teller.clearing.incoming";
    public static final String RETURN_SCHEMA = "teller.clearing.return";
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{6,32}");
    private static final Pattern BANK = Pattern.compile("[0-9]{12}");
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

    /** The return of a wire in to its remitting bank, with the supervisor's reason. */
    static String returned(IncomingWire wire, String reason, Instant sentAt) {
        return JSON.createObjectBuilder()
                .add("schema", RETURN_SCHEMA)
                .add("version", VERSION)
                .add("messageId", "TLR-RETURN-" + wire.clearingRef())
                .add("clearingRef", wire.clearingRef())
                .add("payerBank", wire.payerBank())
                .add("payerAccount", wire.payerAccount())
                .add("amount", wire.amount().toPlainString())
                .add("currency", wire.amount().currency())
                .add("reason", reason)
                .add("sentAt", sentAt.toString())
                .build().toString();
    }

    /** The wire in a message carries; MalformedMessageException when it is none. */
    static IncomingWire.Arrival incoming(String body) {
        JsonObject json = schema(body, INCOMING_SCHEMA);
        String clearingRef = required(json, "clearingRef");
        if (clearingRef.length() > Wire.CLEARING_REF_MAX) {
            throw new MalformedMessageException("clearingRef longer than " + Wire.CLEARING_REF_MAX);
        }
        if (!Money.CNY.equals(required(json, "currency"))) {
            throw new MalformedMessageException("currency must be CNY");
        }
        Money amount;
        try {
            amount = Money.parse(required(json, "amount"), Money.CNY).requirePositive();
        } catch (TellerException | IllegalArgumentException e) {
            throw new MalformedMessageException("amount must be a positive amount in yuan and fen", e);
        }
        return new IncomingWire.Arrival(clearingRef, name(json, "payerName"), matching(json, "payerAccount", ACCOUNT),
                matching(json, "payerBank", BANK), name(json, "payeeName"), matching(json, "payeeAccount", ACCOUNT),
                amount, optional(json, "purpose") == null ? null
                        : Text.abbreviated(optional(json, "purpose"), Wire.PURPOSE_MAX));
    }

    /** The answer a message carries; MalformedMessageException when it is none. */
    static ClearingAnswers.Answer answer(String body) {
        JsonObject json = schema(body, ANSWER_SCHEMA);
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

    private static JsonObject schema(String body, String expected) {
        JsonObject json = JmsMessages.versioned(body, VERSION);
        if (!(json.get("schema") instanceof JsonString schema && expected.equals(schema.getString()))) {
            throw new MalformedMessageException("schema must be " + expected);
        }
        return json;
    }

    private static String name(JsonObject json, String field) {
        String name = required(json, field).strip();
        if (name.length() > Wire.NAME_MAX) {
            throw new MalformedMessageException(field + " longer than " + Wire.NAME_MAX);
        }
        return name;
    }

    private static String matching(JsonObject json, String field, Pattern pattern) {
        String value = required(json, field);
        if (!pattern.matcher(value).matches()) {
            throw new MalformedMessageException(field + " must match " + pattern.pattern());
        }
        return value;
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
