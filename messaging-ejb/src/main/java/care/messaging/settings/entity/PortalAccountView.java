package care.messaging.settings.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A portal account acting for a client ({@code relationship}: self or guardian), as an admin sees it. */
public record PortalAccountView(UUID id, String displayName, String relationship, boolean signedUp,
                                OffsetDateTime signedUpAt, boolean enabled) {
}
