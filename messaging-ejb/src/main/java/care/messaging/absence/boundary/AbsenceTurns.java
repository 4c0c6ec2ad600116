package care.messaging.absence.boundary;

import care.messaging.absence.control.Turns;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One batch of periods turning on or off in a transaction of its own, and when the next change is due. */
@Stateless
public class AbsenceTurns {

    @Inject
    Turns turns;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int turn(OffsetDateTime now, int limit) {
        return turns.turn(now, limit);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<OffsetDateTime> next() {
        return turns.next();
    }
}
