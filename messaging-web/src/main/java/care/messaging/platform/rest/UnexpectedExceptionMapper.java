package care.messaging.platform.rest;

import care.messaging.platform.entity.ProblemType;
import jakarta.json.stream.JsonParsingException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything else: JAX-RS's own refusals (unknown path, wrong method or media type, unreadable JSON)
 * become problems with their status; anything unexpected is a 500 whose instance is logged with the
 * stack trace, never with request content.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final System.Logger LOGGER = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        var domain = DomainExceptionMapper.unwrap(e);
        if (domain != null) {
            return new DomainExceptionMapper().toResponse(domain);
        }
        var instance = Problems.instance();
        if (isMalformedJson(e)) {
            return Problems.response(ProblemType.MALFORMED_JSON, "The request body is not valid JSON of the expected shape", instance);
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            var status = w.getResponse().getStatus();
            LOGGER.log(System.Logger.Level.DEBUG, "{0} {1}", status, instance);
            var problem = HttpProblems.of(status);
            return Problems.response(problem.problem(), problem.title(), status, instance);
        }
        if (isDatabaseUnreachable(e)) {
            // Readiness reports DOWN meanwhile; clients and proxies retry. One line: the cause is known.
            LOGGER.log(System.Logger.Level.WARNING, "Database unreachable " + instance + ": " + rootCause(e));
            return Response.fromResponse(Problems.response(ProblemType.DATABASE_UNAVAILABLE,
                    "The service is briefly unavailable; try again shortly", instance))
                    .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
        }
        if (isStorageFull(e)) {
            // The transaction rolled back (a system exception), so nothing half-written is kept. One line: the cause is known.
            LOGGER.log(System.Logger.Level.ERROR, "Database storage full " + instance + ": " + rootCause(e));
            return Problems.response(ProblemType.STORAGE_FULL, "The server has no room to store this right now", instance);
        }
        LOGGER.log(System.Logger.Level.ERROR, "Unexpected failure " + instance, e);
        return Problems.response(ProblemType.SERVER_ERROR, "The server could not complete the request", instance);
    }

    /**
     * Whether the failure is the database being out of reach: a connection-class SQLState (08…), a
     * refused or reset socket, or the server's pool unable to hand out a connection.
     */
    static boolean isDatabaseUnreachable(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof java.net.ConnectException || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            var message = cause.getMessage();
            if (cause instanceof java.sql.SQLException && message != null && message.contains("Error in allocating a connection")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether PostgreSQL could not write for want of disk space (SQLState 53100, {@code disk_full}). */
    static boolean isStorageFull(Throwable e) {
        for (var cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String rootCause(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName();
    }

    static boolean isMalformedJson(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }
}
