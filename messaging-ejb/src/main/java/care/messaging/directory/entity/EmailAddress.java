package care.messaging.directory.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where to reach a person, as an admin records it: trimmed and lower-cased (one address is one key), 3 to 254
 * characters, one {@code @} with a local part of at most 64 and a domain of dot-separated labels. Only its form
 * is checked here; whether mail arrives is the mail server's business. The detail of a refusal never repeats it.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    // Local part: the unquoted dot-atom of RFC 5322; domain: LDH labels (internationalized ones in their A-label form).
    static final Pattern FORM = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    public EmailAddress {
        if (value == null || value.length() < 3 || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()
                || value.indexOf('@') > 64) {
            throw invalid();
        }
    }

    /** What a request gives: an address, or null/blank for none. */
    public static EmailAddress parse(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return new EmailAddress(given.strip().toLowerCase(Locale.ROOT));
    }

    static DomainException invalid() {
        return new DomainException(ProblemType.INVALID_EMAIL, "email must be an e-mail address such as name@example.org");
    }
}
