package care.messaging.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * Base of every failure the business components report on purpose. {@link #type()} is the stable
 * problem type slug; {@link #kind()} says which family it belongs to, so the web layer picks the
 * status without the EJB module knowing HTTP. Messages never carry PHI.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String type;
    private final long retryAfterSeconds;

    public DomainException(Kind kind, String type, String title) {
        this(kind, type, title, 0);
    }

    private DomainException(Kind kind, String type, String title, long retryAfterSeconds) {
        super(title, null, false, false);
        this.kind = kind;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static DomainException invalid(String type, String title) {
        return new DomainException(Kind.INVALID, type, title);
    }

    public static DomainException notFound() {
        return new DomainException(Kind.NOT_FOUND, "not-found", "No such resource");
    }

    public static DomainException unauthenticated(String type, String title) {
        return new DomainException(Kind.UNAUTHENTICATED, type, title);
    }

    public static DomainException forbidden(String type, String title) {
        return new DomainException(Kind.FORBIDDEN, type, title);
    }

    public static DomainException conflict(String type, String title) {
        return new DomainException(Kind.CONFLICT, type, title);
    }

    /** Refused for now, not for good: the same request may succeed after the given number of seconds (at least 1). */
    public static DomainException tooManyRequests(String type, String title, long retryAfterSeconds) {
        return new DomainException(Kind.TOO_MANY_REQUESTS, type, title, Math.max(1, retryAfterSeconds));
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return getMessage();
    }

    /** Seconds until a retry may succeed; 0 unless the kind is {@link Kind#TOO_MANY_REQUESTS}. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
