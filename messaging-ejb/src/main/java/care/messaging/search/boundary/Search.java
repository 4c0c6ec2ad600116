package care.messaging.search.boundary;

import static care.messaging.audit.entity.Outcome.SUCCESS;

import care.messaging.audit.boundary.Attempts;
import care.messaging.audit.boundary.AuditTrail;
import care.messaging.audit.entity.Action;
import care.messaging.audit.entity.Targets;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.conversation.entity.Page;
import care.messaging.directory.control.Accounts;
import care.messaging.directory.entity.Role;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import care.messaging.platform.entity.Identity;
import care.messaging.search.control.ConversationSearch;
import care.messaging.search.control.MessageSearch;
import care.messaging.search.control.SearchQuery;
import care.messaging.search.control.SearchText;
import care.messaging.search.entity.MessageHit;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;

/**
 * Search within the caller's own conversations: messages by words (or their first letters), conversations
 * by the other side's name. Participants only (practitioners, portal accounts); admins reach conversations
 * they are not part of only through emergency access, one at a time, never by searching. Each search is
 * audited without its terms, which are PHI.
 */
@Stateless
public class Search {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    /** Names are short: two letters already narrow them down. */
    static final int NAME_MIN_LETTERS = 2;

    @Inject
    Accounts accounts;
    @Inject
    MessageSearch messageSearch;
    @Inject
    ConversationSearch conversationSearch;
    @Inject
    AuditTrail audit;

    @Attempts(Action.SEARCH_MESSAGES)
    public Page<MessageHit> messages(Identity identity, String q, String cursor, Integer limit) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER, Role.CLIENT));
        var query = SearchQuery.parse(q, SearchText.MIN_LETTERS);
        var page = messageSearch.page(me, query, cursor, limit(limit));
        audit.record(me.actor(), Action.SEARCH_MESSAGES, SUCCESS, Targets.none());
        return page;
    }

    @Attempts(Action.SEARCH_CONVERSATIONS)
    public Page<ConversationSummary> conversations(Identity identity, String q, Integer limit) {
        var me = accounts.authorize(identity, EnumSet.of(Role.PRACTITIONER, Role.CLIENT));
        var query = SearchQuery.parse(q, NAME_MIN_LETTERS);
        var found = conversationSearch.find(me, query, limit(limit));
        audit.record(me.actor(), Action.SEARCH_CONVERSATIONS, SUCCESS, Targets.none());
        return new Page<>(found, null);
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ProblemType.INVALID_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
