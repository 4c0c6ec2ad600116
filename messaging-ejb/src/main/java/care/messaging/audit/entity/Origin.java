package care.messaging.audit.entity;

/** Where a request came from: the client's address (null outside a request) and its request id. */
public record Origin(String sourceAddress, String requestId) {
}
