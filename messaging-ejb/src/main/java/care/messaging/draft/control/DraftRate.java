package care.messaging.draft.control;

import care.messaging.platform.control.AccountBuckets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A safety valve on draft saves per account, like {@link care.messaging.conversation.control.SendRate} for messages: apps save as the user
 * types (debounced, about once a second at most), so the default allows two a second, sustained, across
 * all of an account's devices. Per node, in memory; a refused save changes nothing and can be retried.
 */
@ApplicationScoped
public class DraftRate {

    @Inject
    @ConfigProperty(name = "messaging.draft.rate.capacity", defaultValue = "60")
    long capacity;
    @Inject
    @ConfigProperty(name = "messaging.draft.rate.per-minute", defaultValue = "120")
    long perMinute;
    @Inject
    Clock clock;

    private AccountBuckets buckets;

    @PostConstruct
    void init() {
        buckets = new AccountBuckets(capacity, perMinute, clock, "messaging.draft.rate", "Too many draft saves; try again later");
    }

    public void take(UUID account) {
        buckets.take(account);
    }
}
