package care.messaging.monitoring.boundary;

import care.messaging.attachment.entity.FileScanned;
import care.messaging.audit.entity.ChainsVerified;
import care.messaging.conversation.entity.MessagePosted;
import care.messaging.crypto.boundary.ReencryptionBacklog;
import care.messaging.delivery.boundary.EventListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The business components' metrics of this node, registered when the application starts: messages sent, the event
 * listener's connection, re-encryption's backlog, the last audit verification, malware scan verdicts. Counters count
 * since the node started, as Prometheus expects of a counter.
 */
@ApplicationScoped
public class NodeMetrics {

    static final Duration CACHED = Duration.ofSeconds(30);

    @Inject
    MetricRegistry registry;
    @Inject
    EventListener listener;
    @Inject
    ReencryptionBacklog backlog;
    @Inject
    Clock clock;

    private volatile ChainsVerified lastVerification;
    private volatile long rowsLeft = -1;
    private volatile Instant rowsLeftAt = Instant.EPOCH;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.counter(metadata("messaging_messages_sent", "Messages stored on this node (sends, announcement copies, automatic replies)"));
        registry.gauge(metadata("messaging_event_listener_connected", "1 while this node LISTENs for other nodes' event hints, else 0"),
                listener, l -> l.isListening() ? 1 : 0);
        registry.gauge(metadata("messaging_reencryption_rows_left", "Stored values not yet on the primary key (files' bytes not counted); -1 when it cannot be counted"),
                this, NodeMetrics::rowsLeft);
        registry.gauge(metadata("messaging_audit_verification_intact", "1 if this node's last audit verification found every chain intact, 0 if broken, -1 if none ran since start"),
                this, m -> m.lastVerification == null ? -1 : m.lastVerification.intact() ? 1 : 0);
        registry.gauge(metadata("messaging_audit_verification_age_seconds", "Seconds since this node's last audit verification; -1 if none ran since start"),
                this, m -> m.lastVerification == null ? -1 : Duration.between(m.lastVerification.at(), m.clock.instant()).toSeconds());
        for (var verdict : new String[] {"clean", "infected", "unavailable"}) {
            scans(verdict);
        }
    }

    void sent(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        registry.counter("messaging_messages_sent").inc();
    }

    void scanned(@Observes FileScanned scan) {
        scans(scan.verdict()).inc();
    }

    void verified(@Observes ChainsVerified verification) {
        lastVerification = verification;
    }

    long rowsLeft() {
        var now = clock.instant();
        if (Duration.between(rowsLeftAt, now).compareTo(CACHED) >= 0) {
            try {
                rowsLeft = backlog.rowsLeft();
            } catch (RuntimeException e) { // the database is away: the gauge says so, the scrape still answers
                rowsLeft = -1;
            }
            rowsLeftAt = now;
        }
        return rowsLeft;
    }

    private org.eclipse.microprofile.metrics.Counter scans(String verdict) {
        return registry.counter(metadata("messaging_attachment_scans", "Malware scan verdicts on this node, by verdict"), new Tag("verdict", verdict));
    }

    static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
