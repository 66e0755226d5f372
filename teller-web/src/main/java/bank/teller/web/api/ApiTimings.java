package bank.teller.web.api;

import bank.teller.platform.Metrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Times every API call, from before its resource is matched to its answer, by the operation that served it
 * (its resource class and method: a bounded set, unlike paths) and its status class ({@link Metrics#apiCall}).
 * A call no operation serves counts as {@code unmatched}.
 */
@Provider
@PreMatching
public class ApiTimings implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ApiTimings.class.getName() + ".started";

    @Inject
    private Metrics metrics;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            String operation = resource.getResourceMethod() == null ? "unmatched"
                    : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
            metrics.apiCall(operation, response.getStatus(), System.nanoTime() - started);
        }
    }
}
