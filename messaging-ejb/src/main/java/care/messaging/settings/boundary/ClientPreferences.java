package care.messaging.settings.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.settings.control.SettingsNotifications;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Client;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.settings.control.Scope;
import care.messaging.settings.entity.ClientPreferencesView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;

/**
 * A client's preferences, kept by their practitioners (those in conversation with them) and the practice's
 * admins. Messaging off locks every thread of the client for both sides (409 messaging-disabled); the
 * history stays readable.
 */
@Stateless
public class ClientPreferences {

    @Inject
    Accounts accounts;
    @Inject
    Scope scope;
    @Inject
    SettingsNotifications notifications;
    @Inject
    AuditTrail audit;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.CLIENT_PREFERENCES_READ)
    public ClientPreferencesView read(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER, Role.ADMIN));
        var client = scope.preferencesOf(me, clientId, false);
        audit.record(me.actor(), Action.CLIENT_PREFERENCES_READ, SUCCESS, Targets.client(client.id()));
        return view(client);
    }

    @Attempts(Action.CLIENT_PREFERENCES_UPDATE)
    public ClientPreferencesView update(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId,
                                        Boolean messagingEnabled) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER, Role.ADMIN));
        var client = scope.preferencesOf(me, clientId, true);
        if (messagingEnabled == null) {
            throw new DomainException(ProblemType.INVALID_MESSAGING_ENABLED, "messagingEnabled must be true or false");
        }
        if (client.switchMessaging(messagingEnabled)) {
            em.flush();
            notifications.ofClient(client.id());
        }
        audit.record(me.actor(), Action.CLIENT_PREFERENCES_UPDATE, SUCCESS, Targets.client(client.id()));
        return view(client);
    }

    static ClientPreferencesView view(Client client) {
        return new ClientPreferencesView(client.id(), client.isMessagingEnabled());
    }
}
