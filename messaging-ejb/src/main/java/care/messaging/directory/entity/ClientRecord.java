package care.messaging.directory.entity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client as the practice's admins see their record: minor or not, date of birth when recorded, in care or
 * discharged ({@code inCare}), and the portal accounts acting for them.
 */
public record ClientRecord(UUID id, String displayName, boolean minor, LocalDate dateOfBirth, boolean inCare,
                           boolean messagingEnabled, List<PortalAccountView> accounts) {

    public static ClientRecord of(Client c, List<PortalAccountView> accounts) {
        return new ClientRecord(c.id(), c.displayName(), c.isMinor(), c.dateOfBirth(), c.isEnabled(), c.isMessagingEnabled(), accounts);
    }
}
