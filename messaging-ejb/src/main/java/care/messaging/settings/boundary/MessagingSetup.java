package care.messaging.settings.boundary;

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
import care.messaging.directory.entity.MessagingName;
import care.messaging.directory.entity.Practice;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.settings.control.PracticeBroadcast;
import care.messaging.settings.control.Scope;
import care.messaging.settings.entity.PortalTexts;
import care.messaging.settings.entity.PortalTextsView;
import care.messaging.settings.entity.PracticeMessagingView;
import care.messaging.settings.entity.PractitionerName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The practice's messaging setup: the switch for the whole practice and what the portal tells its clients
 * (admins), and each practitioner's name for messaging (the practitioner, or an admin). A message keeps the name it was sent under; a new
 * name applies to later messages and to the conversation lists at once.
 */
@Stateless
public class MessagingSetup {

    @Inject
    Accounts accounts;
    @Inject
    Scope scope;
    @Inject
    PracticeBroadcast broadcast;
    @Inject
    SettingsNotifications notifications;
    @Inject
    AuditTrail audit;
    @PersistenceContext
    EntityManager em;

    @Attempts(Action.PRACTICE_MESSAGING_READ)
    public PracticeMessagingView practice(Identity identity) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var view = view(em.find(Practice.class, admin.practiceId()));
        audit.record(admin.actor(), Action.PRACTICE_MESSAGING_READ, SUCCESS, Targets.none());
        return view;
    }

    /** Off: nobody of the practice can send (409 messaging-off); everything stays readable. */
    @Attempts(Action.PRACTICE_MESSAGING_UPDATE)
    public PracticeMessagingView switchPractice(Identity identity, Boolean enabled) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        if (enabled == null) {
            throw new DomainException(ProblemType.INVALID_ENABLED, "enabled must be true or false");
        }
        var practice = em.find(Practice.class, admin.practiceId(), LockModeType.PESSIMISTIC_WRITE);
        if (practice.switchMessaging(enabled)) {
            em.flush();
            broadcast.changed(practice);
        }
        var view = view(practice);
        audit.record(admin.actor(), Action.PRACTICE_MESSAGING_UPDATE, SUCCESS, Targets.none());
        return view;
    }

    /**
     * What the portal tells the practice's clients: the notice in its composer area (null or blank: the
     * default one) and the phone number to call when they may not write (null or blank: none). Open apps
     * hear of a change at once ({@code practice.changed}).
     */
    @Attempts(Action.PRACTICE_PORTAL_UPDATE)
    public PortalTextsView tellClients(Identity identity, String notice, String phone) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var texts = PortalTexts.parse(notice, phone);
        var practice = em.find(Practice.class, admin.practiceId(), LockModeType.PESSIMISTIC_WRITE);
        if (practice.tellClients(texts.notice(), texts.phone())) {
            em.flush();
            broadcast.changed(practice);
        }
        audit.record(admin.actor(), Action.PRACTICE_PORTAL_UPDATE, SUCCESS, Targets.none());
        return PortalTextsView.of(practice);
    }

    /** A practitioner names themself for messaging; null or blank goes back to their directory name. */
    @Attempts(Action.MESSAGING_NAME_UPDATE)
    public PractitionerName renameMe(Identity identity, String displayName) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER));
        return rename(me, em.find(Account.class, me.id()), displayName);
    }

    @Attempts(Action.MESSAGING_NAME_UPDATE)
    public PractitionerName rename(Identity identity, @AuditTarget(AuditTarget.Kind.ACCOUNT) String practitionerId,
                                   String displayName) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        return rename(admin, scope.practitionerOf(admin, practitionerId), displayName);
    }

    PractitionerName rename(Account actor, Account practitioner, String displayName) {
        var name = MessagingName.parse(displayName);
        var before = practitioner.messagingName();
        practitioner.renameForMessaging(name);
        if (!before.equals(practitioner.messagingName())) {
            em.flush();
            notifications.ofPractitioner(practitioner.id());
        }
        audit.record(actor.actor(), Action.MESSAGING_NAME_UPDATE, SUCCESS, Targets.account(practitioner.id()));
        return name(practitioner);
    }

    PracticeMessagingView view(Practice practice) {
        List<?> rows = em.createNativeQuery("""
                        SELECT id, display_name, messaging_name, coalesce(messaging_name, display_name) FROM account
                         WHERE practice_id = ?1 AND role = 'practitioner' AND enabled ORDER BY display_name, id""")
                .setParameter(1, practice.id()).getResultList();
        var practitioners = rows.stream().map(Object[].class::cast)
                .map(r -> new PractitionerName((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
        return new PracticeMessagingView(practice.isMessagingEnabled(), practitioners, PortalTextsView.of(practice));
    }

    static PractitionerName name(Account practitioner) {
        return new PractitionerName(practitioner.id(), practitioner.displayName(), practitioner.messagingNameOverride(),
                practitioner.messagingName());
    }
}
