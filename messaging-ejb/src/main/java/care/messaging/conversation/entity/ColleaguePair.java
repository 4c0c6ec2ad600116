package care.messaging.conversation.entity;

import java.util.Objects;
import java.util.UUID;

/**
 * The two practitioners of a colleague conversation as the conversation row stores them: {@code first}
 * in practitioner_id, {@code second} in colleague_id. The order is PostgreSQL's for uuid (unsigned bytes,
 * the same as comparing the canonical lower-case text), not {@link UUID#compareTo} (signed longs), so
 * either colleague starting names the same row and the table's CHECK (practitioner_id < colleague_id) holds.
 */
public record ColleaguePair(UUID first, UUID second) {

    public ColleaguePair {
        Objects.requireNonNull(first);
        Objects.requireNonNull(second);
        if (!before(first, second)) {
            throw new IllegalArgumentException("a colleague pair is two different practitioners, in uuid order");
        }
    }

    /** The pair of two different practitioners, whichever of them is named first. */
    public static ColleaguePair of(UUID one, UUID other) {
        if (one.equals(other)) {
            throw new IllegalArgumentException("a practitioner has no colleague conversation with themself");
        }
        return before(one, other) ? new ColleaguePair(one, other) : new ColleaguePair(other, one);
    }

    /** The other side of the pair for one of its two practitioners. */
    public UUID other(UUID me) {
        if (me.equals(first)) {
            return second;
        }
        if (me.equals(second)) {
            return first;
        }
        throw new IllegalArgumentException("not one of the pair");
    }

    /** Unsigned comparison of the 128 bits, most significant first: PostgreSQL's uuid order. */
    static boolean before(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return (high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits())) < 0;
    }
}
