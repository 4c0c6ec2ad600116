package care.messaging.platform.entity;

import java.util.Arrays;
import java.util.Locale;

/**
 * Every problem type the API answers, each once: the stable slug its {@code type} URN ends in, and its
 * {@link Kind}, from which the web layer picks the HTTP status (so this module knows no HTTP). Domain
 * exceptions carry one; the web module's own refusals (unreadable JSON, an unknown path, a body too
 * large, the database out of reach) name theirs from here too. docs/problems.md lists them all, with
 * when each is answered and what a client should do; a test keeps the two in step.
 */
public enum ProblemType {

    // The request itself
    BAD_REQUEST(Kind.INVALID),
    MALFORMED_JSON(Kind.INVALID),
    MISSING_BODY(Kind.INVALID),
    INVALID_ENCODING(Kind.INVALID),
    NUL_CHARACTER(Kind.INVALID),
    // Values the API reads
    INVALID_CURSOR(Kind.INVALID),
    INVALID_LIMIT(Kind.INVALID),
    INVALID_BEFORE(Kind.INVALID),
    INVALID_WAIT(Kind.INVALID),
    INVALID_FOLDER(Kind.INVALID),
    INVALID_SEQ(Kind.INVALID),
    INVALID_CLIENT_MESSAGE_ID(Kind.INVALID),
    INVALID_CLIENT_ID(Kind.INVALID),
    INVALID_PRACTITIONER_ID(Kind.INVALID),
    INVALID_ACCOUNT_ID(Kind.INVALID),
    CLIENT_REQUIRED(Kind.INVALID),
    EMPTY_MESSAGE(Kind.INVALID),
    MESSAGE_TOO_LONG(Kind.INVALID),
    QUERY_TOO_SHORT(Kind.INVALID),
    QUERY_TOO_LONG(Kind.INVALID),
    INVALID_QUERY(Kind.INVALID),
    REASON_REQUIRED(Kind.INVALID),
    INVALID_ENABLED(Kind.INVALID),
    INVALID_MESSAGING_ENABLED(Kind.INVALID),
    INVALID_DISPLAY_NAME(Kind.INVALID),
    INVALID_NOTICE(Kind.INVALID),
    INVALID_PHONE(Kind.INVALID),
    INVALID_SUBJECT(Kind.INVALID),
    INVALID_INVITATION_CODE(Kind.INVALID),
    INVALID_ANNOUNCEMENT_ID(Kind.INVALID),
    INVALID_RECIPIENTS(Kind.INVALID),
    UNKNOWN_RECIPIENT(Kind.INVALID),
    UNKNOWN_PRACTITIONER(Kind.INVALID),
    TOO_MANY_RECIPIENTS(Kind.INVALID),
    INVALID_AUDIENCE(Kind.INVALID),
    INVALID_SEND_AT(Kind.INVALID),
    SEND_AT_IN_PAST(Kind.INVALID),
    MISSING_RANGE(Kind.INVALID),
    INVALID_FROM(Kind.INVALID),
    INVALID_TO(Kind.INVALID),
    INVALID_RANGE(Kind.INVALID),
    RANGE_TOO_LONG(Kind.INVALID),
    INVALID_FORMAT(Kind.INVALID),
    EXPORT_TOO_LARGE(Kind.INVALID),
    UNKNOWN_USER(Kind.INVALID),
    INVALID_EMAIL(Kind.INVALID),
    INVALID_EXTERNAL_ID(Kind.INVALID),
    INVALID_ROLE(Kind.INVALID),
    INVALID_DATE_OF_BIRTH(Kind.INVALID),
    INVALID_MINOR(Kind.INVALID),
    GUARDIAN_REQUIRED(Kind.INVALID),
    EMAIL_OF_MINOR(Kind.INVALID),
    GUARDIANS_OF_ADULT(Kind.INVALID),
    TOO_MANY_GUARDIANS(Kind.INVALID),
    TOO_MANY_ATTACHMENTS(Kind.INVALID),
    DUPLICATE_EMAIL(Kind.INVALID),
    INVALID_IMPORT_MODE(Kind.INVALID),
    INVALID_CSV(Kind.INVALID),
    IMPORT_HAS_INVALID_LINES(Kind.INVALID),
    INVALID_PRACTICE_NAME(Kind.INVALID),
    INVALID_FILE_NAME(Kind.INVALID),
    INVALID_START(Kind.INVALID),
    INVALID_END(Kind.INVALID),
    INVALID_TIME_ZONE(Kind.INVALID),
    END_BEFORE_START(Kind.INVALID),
    PERIOD_IN_PAST(Kind.INVALID),
    PERIOD_TOO_LONG(Kind.INVALID),
    INVALID_MEMBERS(Kind.INVALID),
    // Who the caller is
    NOT_AUTHENTICATED(Kind.UNAUTHENTICATED),
    INVALID_TOKEN(Kind.UNAUTHENTICATED),
    INVALID_TICKET(Kind.UNAUTHENTICATED),
    UNKNOWN_ACCOUNT(Kind.UNAUTHENTICATED),
    ACCOUNT_DISABLED(Kind.UNAUTHENTICATED),
    NO_ROLE(Kind.UNAUTHENTICATED),
    // What the caller may do
    FORBIDDEN(Kind.FORBIDDEN),
    WRONG_ROLE(Kind.FORBIDDEN),
    NOT_MESSAGE_SENDER(Kind.FORBIDDEN),
    ORIGIN_NOT_ALLOWED(Kind.FORBIDDEN),
    NOT_SIGNED_UP(Kind.FORBIDDEN),
    NOT_FOUND(Kind.NOT_FOUND),
    UNKNOWN_INVITATION(Kind.NOT_FOUND),
    METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE),
    // The state of things says no
    CLIENT_MESSAGE_ID_REUSED(Kind.CONFLICT),
    ANNOUNCEMENT_ID_REUSED(Kind.CONFLICT),
    ANNOUNCEMENT_STARTED(Kind.CONFLICT),
    ANNOUNCEMENT_OVER(Kind.CONFLICT),
    CLIENT_DISCHARGED(Kind.CONFLICT),
    MESSAGING_OFF(Kind.CONFLICT),
    MESSAGING_DISABLED(Kind.CONFLICT),
    CLIENT_BLOCKED(Kind.CONFLICT),
    ALREADY_SIGNED_UP(Kind.CONFLICT),
    EMAIL_IN_USE(Kind.CONFLICT),
    EXTERNAL_ID_IN_USE(Kind.CONFLICT),
    CANNOT_DISABLE_SELF(Kind.CONFLICT),
    SUBJECT_IN_USE(Kind.CONFLICT),
    INVITATION_EXPIRED(Kind.CONFLICT),
    INVITATION_REVOKED(Kind.CONFLICT),
    INVITATION_USED(Kind.CONFLICT),
    KEY_IS_PRIMARY(Kind.CONFLICT),
    KEY_IN_USE(Kind.CONFLICT),
    PRACTICE_NAME_IN_USE(Kind.CONFLICT),
    ATTACHMENT_NOT_SCANNED(Kind.CONFLICT),
    ATTACHMENT_UNAVAILABLE(Kind.CONFLICT),
    PERIOD_OVERLAPS(Kind.CONFLICT),
    BODY_TOO_LARGE(Kind.TOO_LARGE),
    IMPORT_TOO_LARGE(Kind.TOO_LARGE),
    ATTACHMENT_TOO_LARGE(Kind.TOO_LARGE),
    ATTACHMENTS_TOO_LARGE(Kind.TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE),
    ATTACHMENT_TYPE_NOT_ALLOWED(Kind.UNSUPPORTED_MEDIA_TYPE),
    ATTACHMENT_INFECTED(Kind.UNPROCESSABLE),
    ATTACHMENT_NOT_SCANNABLE(Kind.UNPROCESSABLE),
    RATE_LIMITED(Kind.TOO_MANY_REQUESTS),
    // The server's side
    SERVER_ERROR(Kind.FAILED),
    DATABASE_UNAVAILABLE(Kind.UNAVAILABLE),
    SCANNER_UNAVAILABLE(Kind.UNAVAILABLE),
    STORAGE_FULL(Kind.INSUFFICIENT_STORAGE),
    /** Any other refusal of the container or JAX-RS: the slug names the status it chose, {@code http-411}. */
    HTTP_STATUS("http-<status>", Kind.REFUSED);

    /**
     * The family of a problem, which decides its HTTP status in the web layer: {@code INVALID} 400,
     * {@code UNAUTHENTICATED} 401, {@code FORBIDDEN} 403, {@code NOT_FOUND} 404, {@code METHOD_NOT_ALLOWED}
     * 405, {@code NOT_ACCEPTABLE} 406, {@code CONFLICT} 409, {@code TOO_LARGE} 413,
     * {@code UNSUPPORTED_MEDIA_TYPE} 415, {@code UNPROCESSABLE} 422, {@code TOO_MANY_REQUESTS} 429, {@code FAILED} 500,
     * {@code UNAVAILABLE} 503, {@code INSUFFICIENT_STORAGE} 507; {@code REFUSED}: whatever status the container chose.
     */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, CONFLICT, TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE, TOO_MANY_REQUESTS, FAILED, UNAVAILABLE, INSUFFICIENT_STORAGE, REFUSED
    }

    private final String slug;
    private final Kind kind;

    ProblemType(Kind kind) {
        this.slug = name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.kind = kind;
    }

    ProblemType(String slug, Kind kind) {
        this.slug = slug;
        this.kind = kind;
    }

    /** The type's stable name: {@code urn:care-messaging:problem:<slug>}. */
    public String slug() {
        return slug;
    }

    public Kind kind() {
        return kind;
    }

    /** The type of a slug, as a domain value that carries one (a send's refusal reason) names it. */
    public static ProblemType ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No problem type " + slug));
    }
}
