package care.messaging.crypto.boundary;

import care.messaging.platform.control.SecurityLog;
import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Outcome;
import care.messaging.audit.entity.Targets;
import care.messaging.crypto.control.KeyRing;
import care.messaging.crypto.control.KeyUsage;
import care.messaging.crypto.entity.KeyStatus;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Map;

/** Key rotation for hospital IT: status, a new primary key, retiring a key no row uses. Every call is audited. */
@Stateless
public class KeyManagement {

    private static final System.Logger LOGGER = System.getLogger(KeyManagement.class.getName());

    @Inject
    Accounts accounts;
    @Inject
    KeyRing keyRing;
    @Inject
    KeyUsage usage;
    @EJB
    Reencryption reencryption;
    @Inject
    AuditTrail audit;

    @Attempts(Action.KEYS_STATUS)
    public KeyStatus status(Identity identity) {
        var operator = accounts.authorize(identity, EnumSet.of(Role.OPERATOR));
        var status = status();
        audit.record(operator.actor(), Action.KEYS_STATUS, Outcome.SUCCESS, Targets.none());
        return status;
    }

    /** Adds a key and makes it the primary: this node's next write uses it; re-encryption starts at once. */
    @Attempts(Action.KEYS_ROTATE)
    public KeyStatus rotate(Identity identity) {
        var operator = accounts.authorize(identity, EnumSet.of(Role.OPERATOR));
        var id = keyRing.file().addDataKey();
        keyRing.reload();
        SecurityLog.LOGGER.log(System.Logger.Level.INFO, "Key rotation by account {0}: data key {1} is the primary", operator.id(), id);
        reencryption.runNow();
        var status = status();
        audit.record(operator.actor(), Action.KEYS_ROTATE, Outcome.SUCCESS, Targets.none());
        return status;
    }

    @Attempts(Action.KEYS_RETIRE)
    public KeyStatus retire(Identity identity, int keyId) {
        var operator = accounts.authorize(identity, EnumSet.of(Role.OPERATOR));
        var keys = keyRing.reload();
        if (!keys.ids().contains(keyId)) {
            throw DomainException.notFound();
        }
        if (keyId == keys.primary()) {
            throw new DomainException(ProblemType.KEY_IS_PRIMARY, "The primary key cannot be retired; rotate first");
        }
        var rows = usage.rowsPerKey().getOrDefault(keyId, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        if (rows > 0) {
            throw new DomainException(ProblemType.KEY_IN_USE, "Stored values still use this key; wait for re-encryption to finish");
        }
        keyRing.file().removeDataKey(keyId);
        keyRing.reload();
        SecurityLog.LOGGER.log(System.Logger.Level.INFO, "Key retirement by account {0}: data key {1} removed", operator.id(), keyId);
        var status = status();
        audit.record(operator.actor(), Action.KEYS_RETIRE, Outcome.SUCCESS, Targets.none());
        return status;
    }

    KeyStatus status() {
        var keys = keyRing.keys();
        var rows = usage.rowsPerKey();
        var list = new ArrayList<KeyStatus.Key>();
        long notOnPrimary = 0;
        for (var id : keys.ids()) {
            var perColumn = rows.getOrDefault(id, Map.of());
            var total = perColumn.values().stream().mapToLong(Long::longValue).sum();
            var primary = id == keys.primary();
            if (!primary) {
                notOnPrimary += total;
            }
            list.add(new KeyStatus.Key(id, primary, perColumn, total, !primary && total == 0));
        }
        // Rows whose key this node does not hold (removed from the keystore by hand) count as not on the primary too.
        for (var entry : rows.entrySet()) {
            if (!keys.ids().contains(entry.getKey())) {
                notOnPrimary += entry.getValue().values().stream().mapToLong(Long::longValue).sum();
            }
        }
        return new KeyStatus(keys.primary(), list, notOnPrimary);
    }
}
