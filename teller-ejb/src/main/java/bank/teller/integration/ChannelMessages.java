package bank.teller.integration;

import bank.teller.account.application.AccountView;
import bank.teller.shared.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;

/**
 * The channel message formats (schemas {@code teller.channel.request} and
 * {@code teller.channel.reply}, version 1, in src/main/resources/schemas): reading requests and
 * writing replies. Anything unreadable is a {@link MalformedMessageException}.
 */
public final class ChannelMessages {

    public static final String REQUEST_SCHEMA = "teller.channel.request";
    public static final String REPLY_SCHEMA = "teller.channel.reply";
    public static final int VERSION = 1;
    public static final String BALANCE_INQUIRY = "BALANCE_INQUIRY";

    /** A request as read: its id, its type and, for an inquiry, the account. */
    public record Request(String requestId, String type, String accountNumber) {
    }

    private ChannelMessages() {
    }

    public static Request parse(String body) {
        if (body == null) {
            throw new MalformedMessageException("empty message");
        }
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedMessageException("not a JSON object: " + e.getMessage(), e);
        }
        if (!(json.get("version") instanceof JsonNumber version) || !version.isIntegral() || version.intValue() != VERSION) {
            throw new MalformedMessageException("unsupported or missing version");
        }
        String type = required(json, "type");
        if (!BALANCE_INQUIRY.equals(type)) {
            throw new MalformedMessageException("unknown request type " + type);
        }
        return new Request(required(json, "requestId"), type, required(json, "accountNumber"));
    }

    public static String balance(Request request, AccountView account) {
        return reply(request, "OK")
                .add("accountNumber", account.accountNumber())
                .add("accountStatus", account.status())
                .add("balance", account.balance())
                .add("currency", account.currency())
                .build().toString();
    }

    public static String refusal(Request request, ErrorCode code) {
        return reply(request, "REFUSED").add("code", code.name()).build().toString();
    }

    private static JsonObjectBuilder reply(Request request, String status) {
        return Json.createObjectBuilder()
                .add("schema", REPLY_SCHEMA)
                .add("version", VERSION)
                .add("requestId", request.requestId())
                .add("type", request.type())
                .add("status", status);
    }

    private static String required(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonString value) || value.getString().isBlank()
                || value.getString().length() > 64) {
            throw new MalformedMessageException("missing or invalid field " + field);
        }
        return value.getString();
    }
}
