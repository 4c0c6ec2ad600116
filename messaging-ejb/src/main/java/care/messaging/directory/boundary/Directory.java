package care.messaging.directory.boundary;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.entity.Action;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.control.Portals;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Practice;
import care.messaging.directory.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Who the caller is. Reading one's own record shows no PHI of anyone else, so a successful {@link #me}
 * is not audited; its refusals are (a token whose subject has no account shows up here first, and so does a portal
 * account whose every client was discharged: 409 client-discharged, so the portal can say so).
 */
@Stateless
public class Directory {

    /**
     * {@code messagingEnabled}: the practice's switch; off, nobody of it can send. {@code portalNotice}: what
     * the portal shows in its composer area; {@code contactPhone}: whom clients call when they may not write
     * (null: none given). Both set by the practice's admins (settings).
     */
    @JsonbNillable
    public record PracticeView(UUID id, String name, boolean messagingEnabled, String portalNotice, String contactPhone) {
    }

    /**
     * {@code messagingName}: for a practitioner, the name their messages are sent under; {@code actsFor}: for
     * a portal account, the clients in care it acts for (itself, or children as guardian). Absent otherwise.
     */
    public record Me(UUID id, String role, String displayName, PracticeView practice, String messagingName,
                     List<Portals.ActingFor> actsFor) {
    }

    @Inject
    Accounts accounts;
    @Inject
    Portals portals;

    @PersistenceContext
    EntityManager em;

    @Attempts(Action.ACCOUNT_ME)
    public Me me(Identity identity) {
        var account = accounts.authenticate(identity);
        if (account.practiceId().equals(Practice.NONE)) {
            return new Me(account.id(), account.role().claim(), account.displayName(), null, null, null);
        }
        var practice = em.find(Practice.class, account.practiceId());
        return new Me(account.id(), account.role().claim(), account.displayName(),
                new PracticeView(practice.id(), practice.name(), practice.isMessagingEnabled(),
                        practice.portalNotice(), practice.contactPhone()),
                account.role() == Role.PRACTITIONER ? account.messagingName() : null,
                account.role().isClientSide() ? portals.actingFor(account) : null);
    }
}
