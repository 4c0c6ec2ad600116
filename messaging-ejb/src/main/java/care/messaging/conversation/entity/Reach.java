package care.messaging.conversation.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many clients of an audience the practitioner's side may write to now, and why not the others: each refusal
 * reason of {@link Sending#of} (a discharge, the practice's switch, the client's switch) with its count, every one
 * present (0 when none). A block does not stop the practitioner's side, so blocked clients count as reached.
 */
public record Reach(int total, int allowed, Map<String, Integer> refused) {

    /** The reasons a practitioner's copy can meet, in the order {@link Sending#of} tries them. */
    public static final List<String> REASONS = List.of(Sending.DISCHARGED, Sending.PRACTICE_OFF, Sending.CLIENT_OFF);

    public Reach {
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
    }

    /** Nobody yet: the start of a count. */
    public static Reach none() {
        var refused = new LinkedHashMap<String, Integer>();
        REASONS.forEach(reason -> refused.put(reason, 0));
        return new Reach(0, 0, refused);
    }

    /** This count with {@code clients} more whose facts decide {@code sending}. */
    public Reach with(Sending sending, int clients) {
        var more = new LinkedHashMap<>(refused);
        if (!sending.allowed()) {
            more.merge(sending.reason(), clients, Integer::sum);
        }
        return new Reach(total + clients, allowed + (sending.allowed() ? clients : 0), more);
    }
}
