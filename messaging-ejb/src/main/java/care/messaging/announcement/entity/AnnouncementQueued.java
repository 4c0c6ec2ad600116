package care.messaging.announcement.entity;

import java.time.Instant;

/** An announcement was written on this node and waits for its delivery from this instant (fired after its commit). */
public record AnnouncementQueued(Instant startsAt) {
}
