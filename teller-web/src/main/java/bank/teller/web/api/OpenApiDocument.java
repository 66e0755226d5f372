package bank.teller.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The OpenAPI document of this API (YAML, or JSON with {@code ?format=JSON}), as the build wrote
 * it. Served by Teller rather than by the server's own endpoint, so that it is HTTPS only, carries
 * the headers of every Teller answer and no cross-origin permission.
 */
@Path("/openapi")
public class OpenApiDocument {

    @GET
    @Operation(hidden = true)
    public Response document(@QueryParam("format") String format) {
        boolean json = "JSON".equalsIgnoreCase(format);
        InputStream document = OpenApiDocument.class.getResourceAsStream(json ? "openapi.json" : "openapi.yaml");
        if (document == null) {
            throw new IllegalStateException("the build wrote no OpenAPI document");
        }
        return Response.ok(document, json ? "application/json" : "application/yaml;charset=UTF-8").build();
    }
}
