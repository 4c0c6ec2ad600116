package care.messaging.delivery.rest;

import care.messaging.delivery.boundary.Presence;
import care.messaging.delivery.control.RecentActivity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.rest.Identities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every authenticated API call is activity for presence. It is passed on at most once a minute per caller
 * and node, after the call's own work (its transaction has ended), and never changes the answer.
 */
@Provider
@ApplicationScoped
public class ApiActivity implements ContainerResponseFilter {

    private static final System.Logger LOGGER = System.getLogger(ApiActivity.class.getName());

    @Inject
    Presence presence;
    @Inject
    RecentActivity recent;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 || !(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)
                || !recent.due("sub:" + jwt.getSubject())) {
            return;
        }
        try {
            presence.seen(Identities.of(jwt));
        } catch (DomainException refused) {
            // the subject cannot act (unknown, disabled): no activity to show
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Activity was not recorded ({0}); presence catches up within a minute",
                    e.getClass().getName());
        }
    }
}
