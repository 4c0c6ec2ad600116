package care.messaging.absence.entity;

import java.time.Instant;

/**
 * A period was planned or changed: the timers of the node that saved it schedule its start and end once the
 * transaction has committed (other nodes find it in their next sweep).
 */
public record AbsencePlanned(Instant start, Instant end) {

    public static AbsencePlanned of(Absence absence) {
        var period = absence.period();
        return new AbsencePlanned(period.start(), period.end());
    }
}
