package care.messaging.conversation.entity;

import care.messaging.platform.entity.PolicyRefusal;
import care.messaging.platform.entity.ProblemType;
import jakarta.json.bind.annotation.JsonbNillable;

/**
 * Whether the reader may write in a conversation now, and if not, why: the same rules refuse a send
 * (409 with {@code reason} as the problem type) and tell the apps to lock the input, so they never guess.
 * {@code clientSignedUp}: some portal account of the client (themself, a guardian) has signed up; when
 * not, a practitioner's messages wait for them. {@code clientBlocked}: the practitioner blocked the client.
 * {@code reason} is null, not left out, when writing is allowed.
 */
@JsonbNillable
public record Sending(boolean allowed, String reason, boolean clientSignedUp, boolean clientBlocked) {

    public static final String DISCHARGED = ProblemType.CLIENT_DISCHARGED.slug();
    public static final String PRACTICE_OFF = ProblemType.MESSAGING_OFF.slug();
    public static final String CLIENT_OFF = ProblemType.MESSAGING_DISABLED.slug();
    public static final String BLOCKED = ProblemType.CLIENT_BLOCKED.slug();

    /** What the rules look at, read in one query where a conversation (or a client and a practitioner) is concerned. */
    public record Facts(boolean practiceMessaging, boolean clientInCare, boolean clientMessaging, boolean blocked,
                        boolean clientSignedUp) {
    }

    /**
     * The most lasting reason wins: a discharge, then the practice's switch, then the client's, then a
     * block, which stops only the client side (the practitioner who blocked may still write).
     */
    public static Sending of(Facts facts, boolean clientSide) {
        String reason = null;
        if (!facts.clientInCare()) {
            reason = DISCHARGED;
        } else if (!facts.practiceMessaging()) {
            reason = PRACTICE_OFF;
        } else if (!facts.clientMessaging()) {
            reason = CLIENT_OFF;
        } else if (clientSide && facts.blocked()) {
            reason = BLOCKED;
        }
        return new Sending(reason == null, reason, facts.clientSignedUp(), facts.blocked());
    }

    /**
     * Between two practitioners only the practice's switch applies (client switches, discharge and block
     * lists are about clients); both sides are on the practice's staff, so both count as "signed up".
     */
    public static Sending colleague(boolean practiceMessaging) {
        return of(new Facts(practiceMessaging, true, true, false, true), false);
    }

    /** Refuses with the reason's problem type, unless writing is allowed. */
    public Sending require() {
        if (!allowed) {
            throw refusal(reason);
        }
        return this;
    }

    static PolicyRefusal refusal(String reason) {
        var problem = ProblemType.ofSlug(reason);
        return switch (problem) {
            case CLIENT_DISCHARGED -> new PolicyRefusal(problem, "The client was discharged; the conversation is kept read-only");
            case MESSAGING_OFF -> new PolicyRefusal(problem, "Messaging is turned off for this practice");
            case MESSAGING_DISABLED -> new PolicyRefusal(problem, "Messaging is turned off for this client");
            case CLIENT_BLOCKED -> new PolicyRefusal(problem, "This practitioner does not accept messages from this client");
            default -> throw new IllegalArgumentException(reason);
        };
    }
}
