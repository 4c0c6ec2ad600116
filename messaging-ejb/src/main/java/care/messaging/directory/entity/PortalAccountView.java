package care.messaging.directory.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A portal account acting for a client ({@code relationship}: self or guardian), as an admin sees it: whether it
 * has signed up, and the e-mail address its invitations go to (null when none is recorded).
 */
public record PortalAccountView(UUID id, String displayName, String relationship, String email, boolean signedUp,
                                OffsetDateTime signedUpAt, boolean enabled) {
}
