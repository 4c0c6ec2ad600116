package care.messaging.settings.entity;

import java.util.List;

/** The practice's messaging setup as its admins see it: the switch and every practitioner's names. */
public record PracticeMessagingView(boolean enabled, List<PractitionerName> practitioners) {
}
