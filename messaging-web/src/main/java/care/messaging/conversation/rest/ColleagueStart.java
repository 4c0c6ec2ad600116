package care.messaging.conversation.rest;

import care.messaging.platform.entity.DomainException;

/** The body of a practitioner's start with a colleague: {@code practitionerId} alone. */
final class ColleagueStart {

    private ColleagueStart() {
    }

    /** A practitioner names a client or a colleague, not both: both is a malformed start, refused before anything. */
    static String practitionerId(String practitionerId, String clientId) {
        if (clientId != null) {
            throw DomainException.invalid("invalid-start", "Name either clientId (a client) or practitionerId (a colleague), not both");
        }
        return practitionerId;
    }
}
