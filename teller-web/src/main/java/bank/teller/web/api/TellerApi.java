package bank.teller.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST API. Its OpenAPI document is written from these annotations and the resources at build
 * time and served by {@link OpenApiDocument}; it names the two ways in that the API really takes.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Teller REST API", version = "1", description = "Bank counter system. Amounts are "
                + "two-decimal strings; every write takes an Idempotency-Key header; errors are application/problem+json "
                + "with a stable code. A person signs in with POST /v1/sessions (username, password, dynamic code) and "
                + "sends the session cookie it sets; another bank system sends its API key in X-Api-Key."),
        servers = @Server(url = "/teller"),
        security = {@SecurityRequirement(name = TellerApi.SESSION), @SecurityRequirement(name = TellerApi.API_KEY)})
@SecurityScheme(securitySchemeName = TellerApi.SESSION, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        apiKeyName = "JSESSIONID", description = "The session of a signed-in user (POST /v1/sessions); HTTPS only")
@SecurityScheme(securitySchemeName = TellerApi.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key", description = "An API client's key, issued and revoked by an administrator")
public class TellerApi extends Application {

    static final String SESSION = "session";
    static final String API_KEY = "apiKey";
}
