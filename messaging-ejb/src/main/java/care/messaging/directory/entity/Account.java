package care.messaging.directory.entity;

import care.messaging.platform.entity.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Someone who signs in: a practitioner, an admin, or a portal account of a client or guardian.
 * A portal account that has not signed up yet has no subject, so no token can reach it.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_SUBJECT, query = "SELECT a FROM Account a WHERE a.subject = :subject")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
public class Account {

    public static final String BY_SUBJECT = "Account.bySubject";
    public static final String BY_USERNAME = "Account.byUsername";

    @Id
    private UUID id;
    @Column(name = "practice_id")
    private UUID practiceId;
    private String username;
    private String subject;
    private Role role;
    @Column(name = "display_name")
    private String displayName;
    private boolean enabled = true;
    @Column(name = "signed_up_at")
    private OffsetDateTime signedUpAt;
    /** A practitioner's name for messaging; null: their directory name. */
    @Column(name = "messaging_name")
    private String messagingName;
    /** Lower-case; unique in the practice; null when the admin has not recorded one. */
    private String email;
    /** The hospital's identifier of a member (e.g. employee id), unique in the practice; null if none. */
    @Column(name = "external_id")
    private String externalId;

    protected Account() {
    }

    public Account(UUID practiceId, String username, Role role, String displayName) {
        this.id = UUID.randomUUID();
        this.practiceId = practiceId;
        this.username = username;
        this.role = role;
        this.displayName = displayName;
    }

    /** Links the identity provider's subject: the account can sign in from now on. */
    public void signUp(String subject, OffsetDateTime at) {
        this.subject = subject;
        this.signedUpAt = at;
    }

    public boolean isSignedUp() {
        return subject != null;
    }

    /** This account as the audit trail names whoever acted: its id, its practice (whose chain), its role. */
    public Actor actor() {
        return Actor.account(id, practiceId, role.claim());
    }

    /** Switches the account off (its tokens are refused from its next request) or on again; answers whether it moved. */
    public boolean switchOn(boolean on) {
        var changed = enabled != on;
        enabled = on;
        return changed;
    }

    public boolean isMember() {
        return role == Role.PRACTITIONER || role == Role.ADMIN;
    }

    public boolean actsAs(Role claimed) {
        return enabled && role == claimed;
    }

    public UUID id() {
        return id;
    }

    public UUID practiceId() {
        return practiceId;
    }

    public String username() {
        return username;
    }

    public String subject() {
        return subject;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public OffsetDateTime signedUpAt() {
        return signedUpAt;
    }

    /** The name messages are sent under from now on: the messaging name if one is set, else the directory name. */
    public String messagingName() {
        return messagingName == null ? displayName : messagingName;
    }

    /** The messaging name set for this account, or null when it sends under its directory name. */
    public String messagingNameOverride() {
        return messagingName;
    }

    /** Sets the name to send under; null goes back to the directory name. Messages sent before keep theirs. */
    public void renameForMessaging(MessagingName name) {
        this.messagingName = name == null ? null : name.value();
    }

    public String email() {
        return email;
    }

    public String externalId() {
        return externalId;
    }

    /** Records where to reach this person; the caller has checked the address's form. Null clears it. */
    public void recordEmail(String email) {
        this.email = email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** Records the hospital's identifier of this member. Null clears it. */
    public void recordExternalId(String externalId) {
        this.externalId = externalId;
    }
}
