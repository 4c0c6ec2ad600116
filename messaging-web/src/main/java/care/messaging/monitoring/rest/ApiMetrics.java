package care.messaging.monitoring.rest;

import care.messaging.delivery.rest.HeldPolls;
import care.messaging.delivery.socket.Sockets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The web module's metrics of this node: open sockets, held long polls, and the problems the API answered (every one
 * by type; refused sends by reason, which is the problem's type, so a rate-limited send counts as reason
 * {@code rate-limited}). Labels are problem slugs only, a closed set (docs/problems.md).
 */
@ApplicationScoped
public class ApiMetrics {

    @Inject
    MetricRegistry registry;
    @Inject
    Sockets sockets;
    @Inject
    HeldPolls polls;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(metadata("messaging_sockets_open", "WebSockets open on this node"), sockets, Sockets::openSockets);
        registry.gauge(metadata("messaging_long_polls_waiting", "Event polls this node holds until an event or their timeout"), polls, HeldPolls::waiting);
    }

    void answered(@Observes ProblemAnswered problem) {
        registry.counter(metadata("messaging_problems", "Problems the API answered on this node, by type"), new Tag("type", problem.type())).inc();
        if (problem.send()) {
            registry.counter(metadata("messaging_messages_refused", "Sends refused on this node, by reason (the problem type)"),
                    new Tag("reason", problem.type())).inc();
        }
    }

    static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
