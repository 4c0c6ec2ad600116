package care.messaging.emergency.control;

import care.messaging.conversation.control.BreakGlass;
import care.messaging.conversation.entity.Conversation;
import care.messaging.crypto.control.RowCipher;
import care.messaging.crypto.entity.EncryptedColumn;
import care.messaging.crypto.entity.UnreadableCiphertext;
import care.messaging.directory.entity.Account;
import care.messaging.emergency.entity.EmergencyAccessView;
import care.messaging.emergency.entity.EmergencyAccessView.GrantedBy;
import care.messaging.emergency.entity.EmergencyGrant;
import care.messaging.platform.control.Rows;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Break-glass: an admin reads a conversation they are not part of only with a stated reason, for a
 * limited time (one hour by default), and the conversation's practitioner sees every such access.
 * Reading asks through {@link BreakGlass} whether a grant is active.
 */
@Dependent
public class EmergencyAccess implements BreakGlass {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 2000;

    static final String ACTIVE = """
            SELECT 1 FROM emergency_access
             WHERE admin_id = ?1 AND conversation_id = ?2 AND granted_at <= ?3 AND expires_at > ?3 LIMIT 1""";
    static final String LIST = """
            SELECT e.id, e.admin_id, a.display_name, e.reason, e.granted_at, e.expires_at
              FROM emergency_access e JOIN account a ON a.id = e.admin_id
             WHERE e.conversation_id = ?1
             ORDER BY e.granted_at DESC""";

    @PersistenceContext
    EntityManager em;
    @Inject
    RowCipher cipher;
    @Inject
    @ConfigProperty(name = "messaging.emergency.minutes", defaultValue = "60")
    long minutes;

    public EmergencyAccessView grant(Account admin, Conversation conversation, String reason, OffsetDateTime at) {
        var stated = reason == null ? "" : reason.strip();
        if (stated.length() < MIN_REASON || stated.length() > MAX_REASON) {
            throw new DomainException(ProblemType.REASON_REQUIRED,
                    "Emergency access needs a reason of " + MIN_REASON + " to " + MAX_REASON + " characters");
        }
        var grant = new EmergencyGrant(conversation, admin.id(), at, Duration.ofMinutes(minutes));
        grant.sealReason(cipher.seal(EncryptedColumn.EMERGENCY_REASON, grant.id(), stated));
        em.persist(grant);
        em.flush();
        return new EmergencyAccessView(grant.id(), conversation.id(), new GrantedBy(admin.id(), admin.displayName()),
                stated, grant.grantedAt(), grant.expiresAt(), true);
    }

    @Override
    public boolean active(Account admin, UUID conversationId, OffsetDateTime at) {
        return !em.createNativeQuery(ACTIVE)
                .setParameter(1, admin.id()).setParameter(2, conversationId).setParameter(3, at)
                .getResultList().isEmpty();
    }

    public List<EmergencyAccessView> list(UUID conversationId, OffsetDateTime at) {
        List<?> rows = em.createNativeQuery(LIST).setParameter(1, conversationId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> {
            var id = (UUID) r[0];
            var expires = Rows.time(r[5]);
            return new EmergencyAccessView(id, conversationId, new GrantedBy((UUID) r[1], (String) r[2]),
                    reason(id, (byte[]) r[3]), Rows.time(r[4]), expires, expires.isAfter(at));
        }).toList();
    }

    private String reason(UUID id, byte[] ciphertext) {
        try {
            return cipher.open(EncryptedColumn.EMERGENCY_REASON, id, ciphertext);
        } catch (UnreadableCiphertext e) {
            return null;
        }
    }
}
