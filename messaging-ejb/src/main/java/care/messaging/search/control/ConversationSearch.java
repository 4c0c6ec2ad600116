package care.messaging.search.control;

import care.messaging.conversation.control.Inbox;
import care.messaging.conversation.entity.ConversationSummary;
import care.messaging.directory.entity.Account;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The caller's conversations whose other side has a name matching every word of a query, most recent
 * activity first. Names are directory data (not encrypted), so there is no index: the caller's own
 * conversations are read and their names compared after the same normalization as message search (case,
 * accents and compatibility forms ignored; each word a prefix of a name's word). A practitioner finds a
 * conversation by the client's name or a guardian's, or by a colleague's messaging name; a portal account
 * by the practitioner's.
 */
@Dependent
public class ConversationSearch {

    static final String FOR_PRACTITIONER = """
            SELECT c.id, coalesce(cl.display_name, coalesce(o.messaging_name, o.display_name)),
                   (SELECT string_agg(g.display_name, ' ') FROM client_account ca JOIN account g ON g.id = ca.account_id
                     WHERE ca.client_id = cl.id AND ca.relationship = 'guardian')
              FROM conversation c LEFT JOIN client cl ON cl.id = c.client_id
              LEFT JOIN account o ON c.colleague_id IS NOT NULL
                                 AND o.id = CASE WHEN c.practitioner_id = ?1 THEN c.colleague_id ELSE c.practitioner_id END
             WHERE (c.practitioner_id = ?1 OR c.colleague_id = ?1)
             ORDER BY c.last_activity_at DESC, c.id DESC""";
    static final String FOR_CLIENT = """
            SELECT c.id, p.display_name, NULL
              FROM conversation c JOIN client cl ON cl.id = c.client_id JOIN account p ON p.id = c.practitioner_id
             WHERE cl.enabled AND c.client_id IN (SELECT client_id FROM client_account WHERE account_id = ?1)
             ORDER BY c.last_activity_at DESC, c.id DESC""";

    @PersistenceContext
    EntityManager em;
    @Inject
    Inbox inbox;

    public List<ConversationSummary> find(Account me, SearchQuery query, int limit) {
        List<?> rows = em.createNativeQuery(me.role().isClientSide() ? FOR_CLIENT : FOR_PRACTITIONER)
                .setParameter(1, me.id())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .filter(r -> query.matches(SearchText.words(r[1] + (r[2] == null ? "" : " " + r[2]))))
                .limit(limit)
                .map(r -> inbox.one(me, (UUID) r[0]))
                .toList();
    }
}
