package bank.teller.web.api;

import static bank.teller.shared.JsonSupport.JSON;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import bank.teller.shared.Text;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Every JSON request body is read whole (at most 1 MiB) and checked to be well-formed JSON, with no
 * key twice in one object (JSON-B would take the last one silently; nested
 * at most Parsson's 1,000 deep) before it is bound. Binding alone is not safe: JSON-B skips a field
 * it does not know with Parsson's skipArray/skipObject, which on a truncated body ({@code {"x":[[[})
 * loops for ever at full CPU (found by BadInputIT; Parsson 1.1.7). Malformed JSON is
 * VALIDATION_FAILED, a body too large REQUEST_TOO_LARGE.
 */
@Provider
public class WellFormedJson implements ReaderInterceptor {

    static final int MAX_BODY = 1 << 20;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new TellerException(ErrorCode.REQUEST_TOO_LARGE, MAX_BODY);
        }
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            Deque<Set<String>> objects = new ArrayDeque<>(); // the keys met so far in each open object
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case KEY_NAME -> {
                        if (!objects.peek().add(parser.getString())) {
                            throw new TellerException(ErrorCode.VALIDATION_FAILED, Text.abbreviated(parser.getString(), 40),
                                    "a key given twice in one object");
                        }
                    }
                    default -> { }
                }
            }
        } catch (TellerException duplicateKey) {
            throw duplicateKey;
        } catch (RuntimeException malformed) { // JsonParsingException, or Parsson's plain one for "too deeply nested"
            throw new JsonbException("not well-formed JSON: " + malformed.getMessage(), malformed);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
