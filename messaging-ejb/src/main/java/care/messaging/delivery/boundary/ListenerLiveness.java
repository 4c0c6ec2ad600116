package care.messaging.delivery.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Not alive only if the event listener's thread ended while the node runs: nothing would reconnect it, a restart does. */
@Liveness
@ApplicationScoped
public class ListenerLiveness implements HealthCheck {

    @Inject
    EventListener listener;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(ListenerReadiness.NAME).status(listener.isAlive()).build();
    }
}
