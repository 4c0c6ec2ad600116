package care.messaging.platform.rest;

import care.messaging.platform.control.JsonObjects;
import care.messaging.platform.entity.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.UUID;

/**
 * RFC 9457 problem documents, for every {@link ProblemType}: the type is a stable URN per failure, the
 * status follows from the type's kind (here, the one place that turns kinds into statuses); the instance
 * URN is what the log line for the same failure carries, so IT can match a report to the log without PHI
 * in either.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:care-messaging:problem:";

    private Problems() {
    }

    /** The HTTP status of a kind of problem; a refusal of the container's own keeps the status it chose. */
    public static int status(ProblemType.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case FAILED -> 500;
            case UNAVAILABLE -> 503;
            case INSUFFICIENT_STORAGE -> 507;
            case REFUSED -> throw new IllegalArgumentException("A refusal of the container's own has the status it chose");
        };
    }

    /** The slug as answered: {@link ProblemType#HTTP_STATUS} names the status. */
    static String slug(ProblemType problem, int status) {
        return problem == ProblemType.HTTP_STATUS ? "http-" + status : problem.slug();
    }

    public static String instance() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    public static String json(ProblemType problem, String title, int status, String instance) {
        return JsonObjects.builder()
                .add("type", TYPE_PREFIX + slug(problem, status))
                .add("title", title)
                .add("status", status)
                .add("instance", instance)
                .build().toString();
    }

    /** Answers a servlet request with a problem, from a filter, before anything behind it runs. */
    public static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemType problem, String title)
            throws IOException {
        var status = status(problem.kind());
        // The order of annotated filters is unspecified: this answer may be written before SecurityHeaders ran.
        SecurityHeaders.apply(request, response);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MEDIA_TYPE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json(problem, title, status, instance()));
    }

    /** The answer to a problem, with the status its kind calls for. */
    public static Response response(ProblemType problem, String title, String instance) {
        return response(problem, title, status(problem.kind()), instance);
    }

    public static Response response(ProblemType problem, String title, int status, String instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(json(problem, title, status, instance)).build();
    }
}
