package care.messaging.platform.rest;

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

    private static final System.Logger LOGGER = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        var domain = DomainExceptionMapper.unwrap(e);
        if (domain != null) {
            return new DomainExceptionMapper().toResponse(domain);
        }
        var instance = Problems.instance();
        if (isMalformedJson(e)) {
            return Problems.response("malformed-json", "The request body is not valid JSON of the expected shape", 400, instance);
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            var status = w.getResponse().getStatus();
            LOGGER.log(System.Logger.Level.DEBUG, "{0} {1}", status, instance);
            var problem = HttpProblems.of(status);
            return Problems.response(problem.type(), problem.title(), status, instance);
        }
        LOGGER.log(System.Logger.Level.ERROR, "Unexpected failure " + instance, e);
        return Problems.response("server-error", "The server could not complete the request", 500, instance);
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
