package care.messaging.absence.entity;

import java.util.List;

/**
 * What a practitioner (or an admin, for {@code memberIds}) asks for: local date-times ({@code 2026-12-12T09:00})
 * in {@code timeZone} (an IANA region), {@code endsAt} null for an open end, the reply's HTML, and whether
 * colleague conversations get it too (default: clients only). {@code memberIds} is read only by the admin's use case.
 */
public record AbsenceRequest(List<String> memberIds, String startsAt, String endsAt, String timeZone, String html,
                             Boolean colleagues) {
}
