package care.messaging.delivery.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the node's event listener LISTENs for other nodes' events (or the node has no events resource: then
 * readers look again every few seconds, which the check's {@code mode} says); not ready while its connection is lost
 * and being made again, since other nodes' messages then reach this node's readers late.
 */
@Readiness
@ApplicationScoped
public class ListenerReadiness implements HealthCheck {

    static final String NAME = "event-listener";

    @Inject
    EventListener listener;

    @Override
    public HealthCheckResponse call() {
        if (!listener.isConfigured()) {
            return HealthCheckResponse.named(NAME).up().withData("mode", "polling").build();
        }
        return HealthCheckResponse.named(NAME).status(listener.isListening()).withData("mode", "listen").build();
    }
}
