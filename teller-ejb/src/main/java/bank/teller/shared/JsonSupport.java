package bank.teller.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Json.createObjectBuilder()} and its kin look the
 * provider up on every call, a ServiceLoader scan of the deployment's jars: 10 % of the server's
 * CPU per posting in the benchmark (bench/NOTES.md). Providers are thread-safe; use this one.
 */
public final class JsonSupport {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
