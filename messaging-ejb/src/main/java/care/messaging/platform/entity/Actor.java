package care.messaging.platform.entity;

import java.util.UUID;

/**
 * Who acted, as the audit trail records it: an account, the practice it belongs to (whose chain its rows
 * go to; hospital IT's is the nil practice) and its role; or, for a token that names no account, the
 * subject it claimed. The component that knows the account builds it, so the audit trail never reads
 * accounts. A claimed subject is kept short and printable, since whoever sent the token chose it.
 */
public record Actor(UUID accountId, UUID practiceId, String role, String subject) {

    static final int MAX_SUBJECT = 200;

    public static Actor account(UUID accountId, UUID practiceId, String role) {
        return new Actor(accountId, practiceId, role, null);
    }

    public static Actor claiming(String subject) {
        return new Actor(null, null, null, printable(subject));
    }

    public static Actor nobody() {
        return new Actor(null, null, null, null);
    }

    static String printable(String text) {
        if (text == null) {
            return null;
        }
        var clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_SUBJECT ? clean : clean.substring(0, MAX_SUBJECT);
    }
}
