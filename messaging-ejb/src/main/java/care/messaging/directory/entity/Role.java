package care.messaging.directory.entity;

import java.util.Locale;

/** The role a token's {@code groups} claim carries; stored lower-case, as the identity provider spells it. */
public enum Role {
    PRACTITIONER, ADMIN, CLIENT,
    /** Hospital IT: runs the deployment (keys, audit verification); belongs to no practice and sees no PHI. */
    OPERATOR;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofClaim(String claim) {
        return valueOf(claim.toUpperCase(Locale.ROOT));
    }

    public boolean isClientSide() {
        return this == CLIENT;
    }
}
