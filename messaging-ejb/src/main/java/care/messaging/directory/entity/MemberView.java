package care.messaging.directory.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A practitioner or admin of the practice as its admins see them: never their provider subject. */
public record MemberView(UUID id, String displayName, String role, String email, String externalId, boolean enabled,
                         boolean signedUp, OffsetDateTime signedUpAt) {

    public static MemberView of(Account a) {
        return new MemberView(a.id(), a.displayName(), a.role().claim(), a.email(), a.externalId(), a.isEnabled(),
                a.isSignedUp(), a.signedUpAt());
    }
}
