package care.messaging.platform.rest;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * A request without a token is refused with 401 before its path parameters or body are looked at, so
 * that "who are you" is answered first whatever the path says (a malformed key id used to answer 404).
 * The few operations open to anyone say so with an empty {@code @SecurityRequirements}, which is also
 * how the OpenAPI document shows them. The refusal is audited within the per-source budget.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
@ApplicationScoped
public class Authentication implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;
    @Inject
    Event<CredentialsRefused> refusals;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null || open()) {
            return;
        }
        refusals.fire(new CredentialsRefused(null));
        throw new DomainException(ProblemType.NOT_AUTHENTICATED, "A valid bearer token is required");
    }

    boolean open() {
        var method = resource.getResourceMethod();
        var requirements = method == null ? null : method.getAnnotation(SecurityRequirements.class);
        return requirements != null && requirements.value().length == 0;
    }
}
