package care.messaging.platform.entity;

import java.util.Set;

/**
 * What a verified token says about its bearer: the subject and its groups. Not yet an account.
 * {@code verifiedEmail}: the token's {@code email}, lower-cased, only when it also says {@code email_verified: true}
 * (null otherwise); {@code mappedClaim}: the value of the claim IT maps to a member's external id
 * ({@code messaging.identity.bind-claim}; null when off or absent). Both serve only a first sign-in's binding.
 */
public record Identity(String subject, Set<String> groups, String verifiedEmail, String mappedClaim) {

    public Identity {
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        verifiedEmail = verifiedEmail == null || verifiedEmail.isBlank() ? null : verifiedEmail.strip().toLowerCase(java.util.Locale.ROOT);
        mappedClaim = mappedClaim == null || mappedClaim.isBlank() ? null : mappedClaim.strip();
    }

    public Identity(String subject, Set<String> groups) {
        this(subject, groups, null, null);
    }
}
