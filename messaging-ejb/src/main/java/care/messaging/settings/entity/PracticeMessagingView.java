package care.messaging.settings.entity;

import java.util.List;

/**
 * The practice's messaging setup as its admins see it: the switch, every practitioner's names, and what the
 * portal tells clients ({@code portal}).
 */
public record PracticeMessagingView(boolean enabled, List<PractitionerName> practitioners, PortalTextsView portal) {
}
