package care.messaging.absence.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An out-of-office period as its practitioner and their admins see it. {@code startsAt} and {@code endsAt}
 * (null: open) carry the wall time in the period's {@code timeZone} with that moment's offset, so they are the
 * instant and the time the practitioner chose at once. {@code active}: on now, by its times.
 */
@JsonbNillable
public record AbsenceView(UUID id, Person practitioner, OffsetDateTime startsAt, OffsetDateTime endsAt,
                          String timeZone, String html, boolean colleagues, boolean active, Person setBy,
                          OffsetDateTime updatedAt) {

    public record Person(UUID id, String displayName) {
    }
}
