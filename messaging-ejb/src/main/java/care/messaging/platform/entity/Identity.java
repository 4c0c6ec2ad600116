package care.messaging.platform.entity;

import java.util.Set;

/** What a verified token says about its bearer: the subject and its groups. Not yet an account. */
public record Identity(String subject, Set<String> groups) {

    public Identity {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
}
