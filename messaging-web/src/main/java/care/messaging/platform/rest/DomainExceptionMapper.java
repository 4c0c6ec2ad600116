package care.messaging.platform.rest;

import care.messaging.platform.entity.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Failures the business components report on purpose: always 4xx, logged at debug. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final System.Logger LOGGER = System.getLogger(DomainExceptionMapper.class.getName());

    @Override
    public Response toResponse(DomainException e) {
        var instance = Problems.instance();
        var status = Problems.status(e.kind());
        LOGGER.log(System.Logger.Level.DEBUG, "{0} {1} {2}", status, e.type(), instance);
        var response = Problems.response(e.problem(), e.title(), status, instance);
        if (status == 401) {
            response.getHeaders().add("WWW-Authenticate", "Bearer");
        }
        if (status == 413) {
            // the rest of the body stays unread (an upload refused by its declared length, or part-way), so
            // the connection must not carry another request
            response.getHeaders().add("Connection", "close");
        }
        if (status == 429) {
            response.getHeaders().add("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    /** The domain exception behind a failure, however the container wrapped it; null if there is none. */
    static DomainException unwrap(Throwable t) {
        for (var cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException d) {
                return d;
            }
        }
        return null;
    }
}
