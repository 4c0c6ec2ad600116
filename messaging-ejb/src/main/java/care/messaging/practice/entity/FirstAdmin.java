package care.messaging.practice.entity;

import care.messaging.directory.entity.EmailAddress;
import care.messaging.directory.entity.ExternalId;
import care.messaging.directory.entity.PersonName;

/**
 * The first admin of a practice as hospital IT describes them, by the directory's rules for every person an admin
 * adds: a display name ({@link PersonName}), optionally an e-mail address ({@link EmailAddress}, lower-cased) and the
 * hospital's identifier of them ({@link ExternalId}), on which a first sign-in may bind where IT maps a claim to it.
 * Blank optional fields are absent.
 */
public record FirstAdmin(String displayName, String email, String externalId) {

    /** Checks and cleans what a request holds; each field refused with its own problem type. */
    public static FirstAdmin parse(String displayName, String email, String externalId) {
        var address = EmailAddress.parse(email);
        var id = ExternalId.parse(externalId);
        return new FirstAdmin(PersonName.parse(displayName).value(), address == null ? null : address.value(), id == null ? null : id.value());
    }
}
