package care.messaging.search.boundary;

import care.messaging.search.control.SearchIndex;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** One batch of the search index backfill in a transaction of its own, so a long run commits as it goes. */
@Stateless
public class SearchBackfillBatch {

    @Inject
    SearchIndex index;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int run(int size) {
        return index.backfill(size);
    }
}
