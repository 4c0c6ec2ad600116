package care.messaging.absence.entity;

import care.messaging.crypto.entity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One out-of-office period of a practitioner: when (instants and the zone they were chosen in), the reply
 * (sealed, bound to this row), whether colleague conversations get it, and who set it last. {@code state} is
 * what the timers last announced; whether a send gets the reply is decided by the times themselves.
 */
@Entity
@Table(name = "absence")
public class Absence {

    public enum State { PLANNED, ACTIVE, ENDED }

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "starts_at")
    private OffsetDateTime startsAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    private String zone;
    private byte[] reply;
    @Column(name = "reply_key")
    private Integer replyKey;
    private boolean colleagues;
    @Column(name = "set_by")
    private UUID setBy;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    private String state;

    protected Absence() {
    }

    public Absence(UUID practiceId, UUID accountId) {
        this.id = UUID.randomUUID();
        this.practiceId = practiceId;
        this.accountId = accountId;
        this.state = "planned";
    }

    /** Sets (or changes) the period; the timers announce it again from planned, unless it is already on and stays on. */
    public void plan(Period period, boolean colleagues, UUID setBy, OffsetDateTime at) {
        this.startsAt = period.start().atOffset(ZoneOffset.UTC);
        this.endsAt = period.end() == null ? null : period.end().atOffset(ZoneOffset.UTC);
        this.zone = period.zone().getId();
        this.colleagues = colleagues;
        this.setBy = setBy;
        this.updatedAt = at;
        if (!(state() == State.ACTIVE && period.activeAt(at.toInstant()))) {
            this.state = "planned";
        }
    }

    public void seal(Sealed sealed) {
        this.reply = sealed.ciphertext();
        this.replyKey = sealed.keyId();
    }

    public Period period() {
        return new Period(startsAt.toInstant(), endsAt == null ? null : endsAt.toInstant(), ZoneId.of(zone));
    }

    public State state() {
        return State.valueOf(state.toUpperCase(java.util.Locale.ROOT));
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

    public byte[] reply() {
        return reply;
    }

    public boolean colleagues() {
        return colleagues;
    }

    public UUID setBy() {
        return setBy;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
