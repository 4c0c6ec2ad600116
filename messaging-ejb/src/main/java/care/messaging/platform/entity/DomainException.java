package care.messaging.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * Base of every failure the business components report on purpose. {@link #type()} is the stable
 * problem type slug; {@link #kind()} says which family it belongs to, so the web layer picks the
 * status without the EJB module knowing HTTP. Messages never carry PHI.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String type;

    public DomainException(Kind kind, String type, String title) {
        super(title, null, false, false);
        this.kind = kind;
        this.type = type;
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

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return getMessage();
    }
}
