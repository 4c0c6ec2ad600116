package care.messaging.settings.boundary;

import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.settings.control.SettingsNotifications;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.settings.control.BlockRows;
import care.messaging.settings.control.Scope;
import care.messaging.settings.entity.BlockView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Practitioners' block lists: a blocked client (through every portal account acting for them) cannot write
 * to that practitioner (409 client-blocked), but keeps reading the thread. A practitioner keeps their own
 * list; an admin keeps any practitioner's of the practice (practitionerId given). Adding twice or removing
 * what is not there changes nothing and is no error.
 */
@Stateless
public class BlockLists {

    @Inject
    Accounts accounts;
    @Inject
    Scope scope;
    @Inject
    BlockRows blocks;
    @Inject
    SettingsNotifications notifications;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    /** The caller's list, or with a practitionerId an admin's view of that practitioner's. */
    @Attempts(Action.BLOCK_LIST)
    public List<BlockView> list(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String practitionerId) {
        var me = actor(identity, practitionerId);
        var owner = owner(me, practitionerId);
        var list = blocks.of(owner);
        audit.record(me.actor(), Action.BLOCK_LIST, SUCCESS, Targets.account(owner.id()));
        return list;
    }

    @Attempts(Action.BLOCK_ADD)
    public BlockView block(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String practitionerId,
                           @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var me = actor(identity, practitionerId);
        var owner = owner(me, practitionerId);
        var client = scope.clientOf(me, clientId, false);
        if (blocks.add(owner, client, StoredTime.now(clock))) {
            notifications.between(owner.id(), client.id());
        }
        var view = blocks.one(owner, client);
        audit.record(me.actor(), Action.BLOCK_ADD, SUCCESS, targets(owner, client.id()));
        return view;
    }

    @Attempts(Action.BLOCK_REMOVE)
    public void unblock(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String practitionerId,
                        @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var me = actor(identity, practitionerId);
        var owner = owner(me, practitionerId);
        var client = scope.clientOf(me, clientId, false);
        if (blocks.remove(owner, client)) {
            notifications.between(owner.id(), client.id());
        }
        audit.record(me.actor(), Action.BLOCK_REMOVE, SUCCESS, targets(owner, client.id()));
    }

    Account actor(Identity identity, String practitionerId) {
        return accounts.authorize(identity, EnumSet.of(practitionerId == null ? Role.PRACTITIONER : Role.ADMIN));
    }

    Account owner(Account me, String practitionerId) {
        return practitionerId == null ? me : scope.practitionerOf(me, practitionerId);
    }

    static Targets targets(Account owner, UUID clientId) {
        return new Targets(null, null, clientId, owner.id());
    }
}
