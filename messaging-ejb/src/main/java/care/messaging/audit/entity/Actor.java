package care.messaging.audit.entity;

import care.messaging.directory.entity.Account;
import java.util.UUID;

/**
 * Who acted: an account and its role, or for a token that names no account, the subject it claimed.
 * A claimed subject is kept short and printable, since whoever sent the token chose it.
 */
public record Actor(UUID accountId, String role, String subject) {

    static final int MAX_SUBJECT = 200;

    public static Actor of(Account account) {
        return new Actor(account.id(), account.role().claim(), null);
    }

    public static Actor claiming(String subject) {
        return new Actor(null, null, printable(subject));
    }

    public static Actor nobody() {
        return new Actor(null, null, null);
    }

    static String printable(String text) {
        if (text == null) {
            return null;
        }
        var clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_SUBJECT ? clean : clean.substring(0, MAX_SUBJECT);
    }
}
