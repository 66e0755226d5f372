package bank.teller.web.api;

import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the OpenAPI document at build time (the smallrye plugin's {@code filter}) with what other
 * systems generate their clients from and what a standard linter asks of every operation: an
 * operationId (the resource and its method: {@code AccountsResource_balances} becomes
 * {@code accountsBalances}), a summary where the annotations give none, and the problem answers
 * (application/problem+json, {@link Problem}) a 4xx refusal carries; and for the document, its license.
 */
public class OpenApiFilter implements OASFilter {

    static final String PROBLEM = "Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        String id = operation.getOperationId();
        if (id != null && id.contains("_")) {
            String resource = id.substring(0, id.indexOf('_')).replace("Resource", "");
            String method = id.substring(id.indexOf('_') + 1);
            operation.setOperationId(Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(words(method) + " (" + words(resource).toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses().keySet().stream()
                .noneMatch(code -> code.startsWith("4"))) {
            operation.getResponses().addAPIResponse("4XX", OASFactory.createAPIResponse()
                    .ref("#/components/responses/" + PROBLEM));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getInfo().license(OASFactory.createLicense().name("Apache License 2.0").identifier("Apache-2.0"));
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        openAPI.getComponents().addSchema(PROBLEM, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A refusal (RFC 9457): its stable code, and the approval request when one waits")
                .properties(Map.of("type", text, "title", text, "detail", text, "code", text,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "approvalId", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")))
                .required(java.util.List.of("type", "title", "status", "code")));
        openAPI.getComponents().addResponse(PROBLEM, OASFactory.createAPIResponse()
                .description("Refused: bad input, not signed in, not allowed, not found or in conflict (its code says which)")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)))));
    }

    /** "balancesOfAccounts" as "Balances of accounts". */
    private static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
