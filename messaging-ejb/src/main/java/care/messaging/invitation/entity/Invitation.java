package care.messaging.invitation.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.ProblemType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One invitation of one account. Open until it is redeemed or revoked; usable while open and unexpired.
 * Its states only move forward: a redeemed or revoked invitation never opens again.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(name = Invitation.BY_HASH, query = "SELECT i FROM Invitation i WHERE i.codeHash = :hash")
@NamedQuery(name = Invitation.OPEN_OF, query = "SELECT i FROM Invitation i WHERE i.accountId = :account AND i.revokedAt IS NULL AND i.redeemedAt IS NULL")
public class Invitation {

    public static final String BY_HASH = "Invitation.byHash";
    public static final String OPEN_OF = "Invitation.openOf";

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "code_hash")
    private byte[] codeHash;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;
    @Column(name = "redeemed_at")
    private OffsetDateTime redeemedAt;

    protected Invitation() {
    }

    public Invitation(UUID practiceId, UUID accountId, InvitationCode code, UUID createdBy, OffsetDateTime now, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.practiceId = practiceId;
        this.accountId = accountId;
        this.codeHash = code.hash();
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** Uses the invitation up, or says why it cannot be used: revoked, used, expired (in that order). */
    public void redeem(OffsetDateTime now) {
        if (revokedAt != null) {
            throw new PolicyRefusal(ProblemType.INVITATION_REVOKED, "This invitation was withdrawn");
        }
        if (redeemedAt != null) {
            throw new PolicyRefusal(ProblemType.INVITATION_USED, "This invitation has already been used");
        }
        if (!now.isBefore(expiresAt)) {
            throw new PolicyRefusal(ProblemType.INVITATION_EXPIRED, "This invitation has expired");
        }
        this.redeemedAt = now;
    }

    /** The account bound another way (a first sign-in by verified e-mail or mapped claim): the code is used up too. */
    public void settle(OffsetDateTime now) {
        if (redeemedAt == null) {
            this.redeemedAt = now;
        }
    }

    public void revoke(OffsetDateTime now) {
        if (revokedAt != null || redeemedAt != null) {
            throw DomainException.notFound();
        }
        this.revokedAt = now;
    }

    /** Open and unexpired: what a binding by e-mail or claim needs. */
    public boolean isLive(OffsetDateTime now) {
        return revokedAt == null && redeemedAt == null && now.isBefore(expiresAt);
    }

    public UUID id() {
        return id;
    }

    public UUID practiceId() {
        return practiceId;
    }

    public UUID accountId() {
        return accountId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
