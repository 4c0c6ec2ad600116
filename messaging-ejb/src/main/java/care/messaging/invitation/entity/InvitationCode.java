package care.messaging.invitation.entity;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An invitation's single-use code: 32 random bytes (256 bits) in base64url without padding, safe in a URL
 * fragment. It is a credential: never logged, stored only as {@link #hash()}.
 */
public record InvitationCode(String value) {

    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public InvitationCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new DomainException(ProblemType.INVALID_INVITATION_CODE, "code must be an invitation's code as its link carries it");
        }
    }

    public static InvitationCode random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new InvitationCode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "InvitationCode[…]";
    }
}
