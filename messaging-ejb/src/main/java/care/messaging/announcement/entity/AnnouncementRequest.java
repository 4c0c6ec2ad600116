package care.messaging.announcement.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.StoredTime;
import care.messaging.platform.entity.WallTime;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What a sender asks for: the announcement's id (chosen by the app), its text, its audience ({@code chosen}, the
 * default, with {@code clientIds}; or {@code my-clients}, every client the sender has a thread with; for an admin,
 * on behalf of the practice: {@code practice}, every client of the practice, or {@code practitioners}, the clients of
 * the practitioners in {@code practitionerIds}) and, to schedule
 * it, {@code sendAt} as a date and time on the sender's clock in {@code timeZone} (left out: now); and at most one file,
 * the id of the sender's own clean unsent upload in {@code attachments}, stored once and shown by every copy.
 */
public record AnnouncementRequest(String announcementId, String html, String audience, List<String> clientIds,
                                  String sendAt, String timeZone, List<String> attachments,
                                  List<String> practitionerIds) {

    public static final String CHOSEN = "chosen";
    public static final String MY_CLIENTS = "my-clients";
    public static final String PRACTICE = "practice";
    public static final String PRACTITIONERS = "practitioners";

    /** The scheduled start as stored, if one was asked for; it must not have passed. */
    public Optional<OffsetDateTime> start(Clock clock) {
        if (sendAt == null || sendAt.isBlank()) {
            return Optional.empty();
        }
        var zone = WallTime.zone(timeZone);
        var instant = WallTime.at(WallTime.parse(sendAt, ProblemType.INVALID_SEND_AT, "sendAt"), zone, false);
        if (!instant.isAfter(clock.instant())) {
            throw new DomainException(ProblemType.SEND_AT_IN_PAST, "sendAt has passed; leave it out to send now");
        }
        return Optional.of(StoredTime.of(instant.atOffset(ZoneOffset.UTC)));
    }

    public String audienceOrDefault() {
        return audience == null || audience.isBlank() ? CHOSEN : audience;
    }
}
