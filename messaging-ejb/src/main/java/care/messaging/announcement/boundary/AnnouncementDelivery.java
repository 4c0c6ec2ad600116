package care.messaging.announcement.boundary;

import care.messaging.announcement.control.AnnouncementBatch;
import care.messaging.announcement.control.AnnouncementQueue;
import care.messaging.platform.entity.StoredTime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The timers' transactions: each batch of a delivery, and each start of a scheduled announcement, commits on its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AnnouncementDelivery {

    @Inject
    AnnouncementQueue queue;
    @Inject
    AnnouncementBatch batch;
    @Inject
    Clock clock;

    /** The announcements to start or go on with now. */
    public List<UUID> due(int limit) {
        return queue.due(now(), limit);
    }

    /** One batch (a scheduled announcement whose time has come starts with it); whether anybody still waits after it. */
    public boolean next(UUID id, int size) {
        var now = now();
        queue.start(id, now); // the batch's progress event tells the sender it runs
        return batch.deliver(id, size, now).more();
    }

    public Optional<OffsetDateTime> nextStart() {
        return queue.nextStart();
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
