package care.messaging.conversation.control;

import care.messaging.platform.control.AccountBuckets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A safety valve on new messages per sender: {@code messaging.send.rate.capacity} messages in a burst,
 * refilled at {@code messaging.send.rate.per-minute}, per node (see {@link AccountBuckets}).
 */
@ApplicationScoped
public class SendRate {

    @Inject
    @ConfigProperty(name = "messaging.send.rate.capacity", defaultValue = "30")
    long capacity;
    @Inject
    @ConfigProperty(name = "messaging.send.rate.per-minute", defaultValue = "60")
    long perMinute;
    @Inject
    Clock clock;

    private AccountBuckets buckets;

    @PostConstruct
    void init() {
        buckets = new AccountBuckets(capacity, perMinute, clock, "messaging.send.rate", "Too many messages; try again later");
    }

    /** Takes one message from the sender's allowance, or refuses with the seconds until the next one. */
    public void take(UUID sender) {
        buckets.take(sender);
    }
}
