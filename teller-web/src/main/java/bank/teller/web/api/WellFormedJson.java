package bank.teller.web.api;

import static bank.teller.shared.JsonSupport.JSON;

import bank.teller.shared.ErrorCode;
import bank.teller.shared.TellerException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Every JSON request body is read whole (at most 1 MiB) and checked to be well-formed JSON (nested
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
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (RuntimeException malformed) { // JsonParsingException, or Parsson's plain one for "too deeply nested"
            throw new JsonbException("not well-formed JSON: " + malformed.getMessage(), malformed);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
