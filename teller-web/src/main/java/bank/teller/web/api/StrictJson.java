package bank.teller.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * How the API reads request bodies, stricter than JSON-B's defaults: a text field takes only a JSON
 * string (an amount sent as the number 1.5 has been through binary floating point in many clients:
 * it is refused, "1.50" is the amount), and a whole-number field only a whole number in its range,
 * judged from its digits before any conversion (so 1e999999 is refused at once instead of being
 * expanded), and a yes-or-no field only true or false (JSON-B would read the string "yes" as false).
 * Anything else is VALIDATION_FAILED.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(
            new Text(), new Longs(), new Integers(), new Booleans()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** Only a JSON string. */
    public static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (!(value instanceof JsonString text)) {
                throw new JsonbException("a string was expected, not " + value.getValueType());
            }
            return text.getString();
        }
    }

    /** Only JSON true or false. */
    public static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new JsonbException("true or false was expected, not " + value.getValueType());
        }
    }

    /** Only a whole JSON number that fits a Long. */
    public static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser, "Long", BigDecimal::longValueExact);
        }
    }

    /** Only a whole JSON number that fits an Integer. */
    public static final class Integers implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser, "Integer", BigDecimal::intValueExact);
        }
    }

    private static <T> T whole(JsonParser parser, String type, Function<BigDecimal, T> exact) {
        JsonValue value = parser.getValue();
        if (!(value instanceof JsonNumber json)) {
            throw new JsonbException("a number was expected, not " + value.getValueType());
        }
        BigDecimal number = json.bigDecimalValue();
        // at most 19 digits before the point and none after it that is not zero, told without expanding it
        if (number.precision() - number.scale() > 19 || number.scale() > 0 && number.stripTrailingZeros().scale() > 0) {
            throw new JsonbException("a whole number of " + type + " was expected");
        }
        try {
            return exact.apply(number);
        } catch (ArithmeticException tooBig) {
            throw new JsonbException("a whole number of " + type + " was expected", tooBig);
        }
    }
}
