package care.messaging.settings.entity;

import care.messaging.directory.entity.Practice;
import jakarta.json.bind.annotation.JsonbNillable;

/**
 * The portal's texts as the practice's admins see them: the notice clients read ({@code defaultNotice}: the
 * default one, nobody worded it), and the phone number they are told to call instead (null: none given).
 */
@JsonbNillable
public record PortalTextsView(String notice, boolean defaultNotice, String phone) {

    public static PortalTextsView of(Practice practice) {
        return new PortalTextsView(practice.portalNotice(), practice.hasDefaultPortalNotice(), practice.contactPhone());
    }
}
