package care.messaging.draft.boundary;

import care.messaging.platform.entity.StoredTime;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.conversation.boundary.Conversations;
import care.messaging.conversation.control.Notifications;
import care.messaging.conversation.control.Participation;
import care.messaging.conversation.control.RichText;
import care.messaging.conversation.entity.Conversation;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Account;
import care.messaging.draft.control.DraftRate;
import care.messaging.draft.control.DraftTexts;
import care.messaging.draft.entity.DraftView;
import care.messaging.platform.entity.Identity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The caller's draft of a conversation: apps save it as the user types (debounced), any device of theirs
 * restores it, and sending clears it (Conversations.post). A draft is PHI: every read and write is audited,
 * it is stored encrypted, and its events carry only whether there is one.
 */
@Stateless
public class Drafts {

    @Inject
    Accounts accounts;
    @Inject
    Participation participation;
    @Inject
    DraftTexts texts;
    @Inject
    RichText richText;
    @Inject
    DraftRate rate;
    @Inject
    Notifications notifications;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Attempts(Action.DRAFT_READ)
    public DraftView read(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId) {
        var me = accounts.authenticate(identity);
        var conversation = participation.conversationOf(me, conversationId);
        var draft = texts.read(conversation, me);
        audit.record(me.actor(), Action.DRAFT_READ, SUCCESS, targets(conversation));
        return draft;
    }

    /**
     * Saves the draft, sanitized like a message; an empty one removes it. With the clientMessageId the
     * draft will be sent with, a save that arrives after that send (a late autosave) is ignored, so a sent
     * text never comes back as a draft. Answers the draft as it now stands.
     */
    @Attempts(Action.DRAFT_SAVE)
    public DraftView save(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId,
                          String html, String clientMessageId) {
        var me = accounts.authenticate(identity);
        var id = clientMessageId == null ? null : Conversations.parseClientMessageId(clientMessageId);
        var text = richText.draft(html);
        var conversation = participation.conversationOf(me, conversationId);
        // Only someone who may write here keeps a draft: not a practitioner whose client was discharged.
        participation.authorFor(me, conversation);
        rate.take(me.id());
        DraftView draft;
        boolean changed;
        if (text.isEmpty()) {
            changed = texts.clear(conversation, me);
            draft = DraftView.none(conversation.id());
        } else if (id != null && texts.sent(conversation, me, id)) {
            changed = false;
            draft = texts.read(conversation, me);
        } else {
            var saved = texts.save(conversation, me, text.get(), id, now());
            changed = saved.changed();
            draft = saved.draft();
        }
        if (changed) {
            tell(conversation, me, draft);
        }
        audit.record(me.actor(), Action.DRAFT_SAVE, SUCCESS, targets(conversation));
        return draft;
    }

    @Attempts(Action.DRAFT_DELETE)
    public void discard(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId) {
        var me = accounts.authenticate(identity);
        var conversation = participation.conversationOf(me, conversationId);
        if (texts.clear(conversation, me)) {
            notifications.draftCleared(conversation, me);
        }
        audit.record(me.actor(), Action.DRAFT_DELETE, SUCCESS, targets(conversation));
    }

    /** The writer's devices hear whether there is a draft now, never its text. */
    void tell(Conversation conversation, Account me, DraftView draft) {
        if (draft.exists()) {
            notifications.draftSaved(conversation, me, draft.updatedAt());
        } else {
            notifications.draftCleared(conversation, me);
        }
    }

    static Targets targets(Conversation conversation) {
        return Targets.conversation(conversation.id(), conversation.clientId());
    }

    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
