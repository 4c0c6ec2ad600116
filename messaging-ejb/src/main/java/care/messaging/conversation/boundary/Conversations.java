package care.messaging.conversation.boundary;

import care.messaging.platform.entity.Uuids;
import care.messaging.platform.entity.StoredTime;
import care.messaging.platform.entity.Outcome;
import static care.messaging.audit.entity.Outcome.REPLAYED;
import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.AccessDenials;
import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTarget;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.conversation.control.AutomaticReplies;
import care.messaging.conversation.control.Bodies;
import care.messaging.conversation.control.ConversationStarts;
import care.messaging.conversation.control.Inbox;
import care.messaging.conversation.control.MessageFiles;
import care.messaging.conversation.control.Notifications;
import care.messaging.conversation.control.ParticipantStates;
import care.messaging.conversation.control.Participation;
import care.messaging.conversation.control.ReadMarkers;
import care.messaging.conversation.control.RichText;
import care.messaging.conversation.control.SendLocks;
import care.messaging.conversation.control.SendRate;
import care.messaging.conversation.control.Transcript;
import care.messaging.conversation.entity.AttachedFile;
import care.messaging.conversation.entity.Conversation;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.Folder;
import care.messaging.conversation.entity.Message;
import care.messaging.conversation.entity.MessagePosted;
import care.messaging.conversation.entity.MessageView;
import care.messaging.conversation.entity.Page;
import care.messaging.conversation.entity.PracticeConversation;
import care.messaging.conversation.entity.ReadState;
import care.messaging.conversation.entity.SanitizedHtml;
import care.messaging.directory.control.Accounts;
import care.messaging.platform.entity.Identity;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The conversation use cases; each public method is one transaction: authorize, validate, act, audit,
 * return. The audit comes last, so nothing is refused after it (see AccessDenials).
 */
@Stateless
public class Conversations {

    @Inject
    Accounts accounts;
    @Inject
    Participation participation;
    @Inject
    Inbox inbox;
    @Inject
    Transcript transcript;
    @Inject
    ReadMarkers readMarkers;
    @Inject
    RichText richText;
    @Inject
    ConversationStarts starts;
    @Inject
    SendLocks sends;
    @Inject
    Bodies bodies;
    @Inject
    SendRate rate;
    @Inject
    Notifications notifications;
    @Inject
    ParticipantStates states;
    @Inject
    AutomaticReplies automaticReplies;
    @Inject
    MessageFiles files;
    @Inject
    Event<MessagePosted> posted;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "conversation.page.max", defaultValue = "200")
    int maxPage;

    @Attempts(Action.CONVERSATION_LIST)
    public Page<ConversationSummary> list(Identity identity, String cursor, Integer limit) {
        return list(identity, null, cursor, limit);
    }

    /** One of the caller's folders: {@code inbox} (the default) or {@code archive}. */
    @Attempts(Action.CONVERSATION_LIST)
    public Page<ConversationSummary> list(Identity identity, String folder, String cursor, Integer limit) {
        var me = accounts.authenticate(identity);
        var page = inbox.page(me, Folder.parse(folder), cursor, pageSize(limit));
        audit.record(me.actor(), Action.CONVERSATION_LIST, SUCCESS, Targets.none());
        return page;
    }

    @Attempts(Action.CONVERSATION_START)
    public Outcome<ConversationSummary> start(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER));
        var started = starts.start(me, clientId, now());
        if (started.created()) {
            notifications.started(em.find(Conversation.class, started.id()));
        }
        var summary = inbox.one(me, started.id());
        audit.record(me.actor(), Action.CONVERSATION_START, SUCCESS,
                Targets.conversation(started.id(), Uuids.orNotFound(clientId)));
        return new Outcome<>(summary, started.created());
    }

    /** One row of the caller's inbox, e.g. to refresh it after a conversation.changed event. */
    @Attempts(Action.CONVERSATION_LIST)
    public ConversationSummary summary(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId) {
        var me = accounts.authenticate(identity);
        var conversation = participation.conversationOf(me, conversationId);
        var summary = inbox.one(me, conversation.id());
        audit.record(me.actor(), Action.CONVERSATION_LIST, SUCCESS, targets(conversation));
        return summary;
    }

    /** Participants read their conversation; an admin reads one of their practice only under emergency access. */
    @Attempts(Action.CONVERSATION_READ)
    public List<MessageView> messages(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId,
                                      Long before, Integer limit) {
        var me = accounts.authenticate(identity);
        var reading = participation.reading(me, conversationId, now());
        var conversation = reading.conversation();
        var page = transcript.page(conversation.id(), before == null ? Long.MAX_VALUE : before, pageSize(limit));
        audit.record(me.actor(), reading.emergency() ? Action.EMERGENCY_READ : Action.CONVERSATION_READ, SUCCESS, targets(conversation));
        return page;
    }

    /** The practice's conversations for an admin: who talks with whom, never what was said. */
    @Attempts(Action.PRACTICE_CONVERSATIONS)
    public List<PracticeConversation> practiceConversations(Identity identity, @AuditTarget(AuditTarget.Kind.CLIENT) String clientId) {
        var admin = accounts.authorize(identity, EnumSet.of(Role.ADMIN));
        var conversations = inbox.practice(admin, clientId);
        audit.record(admin.actor(), Action.PRACTICE_CONVERSATIONS, SUCCESS,
                clientId == null ? Targets.none() : Targets.client(Uuids.orNotFound(clientId)));
        return conversations;
    }

    /** A send of text only (the apps' older form, and the tests'): see the other {@code post}. */
    @Attempts(Action.MESSAGE_CREATE)
    public Outcome<MessageView> post(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId,
                                     String clientMessageId, String html) {
        return post(identity, conversationId, clientMessageId, html, List.of());
    }

    /**
     * A retry (same clientMessageId) creates nothing, but it hands the original message out again, so it
     * is recorded as message.create with outcome replayed. {@code attachments} are ids of the sender's own
     * clean, unsent uploads; with at least one the text may be empty. A retry attaches nothing again.
     */
    @Attempts(Action.MESSAGE_CREATE)
    public Outcome<MessageView> post(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId,
                                     String clientMessageId, String html, List<String> attachments) {
        var me = accounts.authenticate(identity);
        var id = parseClientMessageId(clientMessageId);
        var fileIds = files.parse(attachments);
        var text = richText.draft(html);
        if (text.isEmpty() && fileIds.isEmpty()) {
            throw new DomainException(ProblemType.EMPTY_MESSAGE, "The message is empty");
        }
        // One read of the conversation (participation), then the same row locked: the settings' sending rules,
        // the messaging name and colleague conversations all live in authorFor, the one path every send takes.
        var conversation = participation.conversationOf(me, conversationId);
        // Retries of one send serialize here, whichever conversation they name, so a retry always finds
        // the original instead of racing it; the row lock then hands out the next seq.
        sends.lock(me.id(), id);
        em.refresh(conversation, LockModeType.PESSIMISTIC_WRITE);
        var original = em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
                .setParameter("sender", me.id()).setParameter("clientMessageId", id)
                .getResultStream().findFirst();
        if (original.isPresent()) {
            var view = existing(original.get(), conversation);
            audit.record(me.actor(), Action.MESSAGE_CREATE, REPLAYED, targets(conversation).withMessage(view.id()));
            return new Outcome<>(view, false);
        }
        var author = participation.authorFor(me, conversation);
        // Locked until the commit, so a second send naming one of them waits and then finds it sent.
        var attached = files.claim(me, fileIds);
        // Only a message that would be new counts against the sender's rate: a retry above never does.
        rate.take(me.id());
        var body = text.orElseGet(() -> new SanitizedHtml("", MessageFiles.preview(attached)));
        var message = bodies.post(conversation, author, id, body, now());
        em.persist(message);
        em.flush();
        files.attach(me, conversation, message, attached);
        var draftCleared = states.messageSent(conversation, message);
        // Search indexes it here, synchronously, in this transaction (see MessagePosted), its files' names too.
        posted.fire(new MessagePosted(conversation, message, body.html(), attached.stream().map(AttachedFile::name).toList()));
        notifications.messageCreated(conversation, message);
        if (draftCleared) {
            notifications.draftCleared(conversation, me);
        }
        audit.record(me.actor(), Action.MESSAGE_CREATE, SUCCESS, targets(conversation).withMessage(message.id()));
        // An away practitioner's reply, in this transaction and under this lock (see AutomaticReplies); it refuses nothing.
        automaticReplies.answer(conversation, message, message.sentAt()).ifPresent(sent -> audit.record(sent.practitioner().actor(),
                Action.MESSAGE_AUTO_REPLY, SUCCESS, targets(conversation).withMessage(sent.message().id())));
        return new Outcome<>(MessageView.unread(message, body.html(), attached), true);
    }

    @Attempts(Action.CONVERSATION_MARK_READ)
    public ReadState markRead(Identity identity, @AuditTarget(AuditTarget.Kind.CONVERSATION) String conversationId,
                              Long seq) {
        var me = accounts.authenticate(identity);
        if (seq == null || seq < 1) {
            throw new DomainException(ProblemType.INVALID_SEQ, "seq must be a positive message sequence number");
        }
        var conversation = participation.conversationOf(me, conversationId);
        var at = now();
        var advance = readMarkers.advance(conversation, me, seq, at);
        var unflagged = states.clearMarkedUnread(conversation, me);
        if (advance.moved()) {
            notifications.markerMoved(conversation, me, advance.marker(), at);
        } else if (unflagged) {
            notifications.stateChanged(conversation, me);
        }
        var state = new ReadState(conversation.id(), advance.marker(), inbox.one(me, conversation.id()).unreadCount());
        audit.record(me.actor(), Action.CONVERSATION_MARK_READ, SUCCESS, targets(conversation));
        return state;
    }

    static Targets targets(Conversation conversation) {
        return Targets.conversation(conversation.id(), conversation.clientId());
    }

    MessageView existing(Message original, Conversation conversation) {
        if (!original.belongsTo(conversation.id())) {
            throw new DomainException(ProblemType.CLIENT_MESSAGE_ID_REUSED, "This clientMessageId was already used for another conversation");
        }
        return transcript.page(conversation.id(), original.seq() + 1, 1).get(0);
    }

    int pageSize(Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > maxPage) {
            throw new DomainException(ProblemType.INVALID_LIMIT, "limit must be between 1 and " + maxPage);
        }
        return limit;
    }

    /** A clientMessageId as apps send it (a UUID in its canonical form); drafts name the one they will be sent with. */
    public static UUID parseClientMessageId(String value) {
        return Uuids.orInvalid(value, ProblemType.INVALID_CLIENT_MESSAGE_ID, "clientMessageId must be a UUID");
    }

    /** Microseconds, as PostgreSQL stores them: the 201 of a send and a later 200 retry show the same sentAt. */
    OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
