package care.messaging.platform.rest;

/** Problem types for refusals that come from HTTP itself rather than from the business components. */
final class HttpProblems {

    private HttpProblems() {
    }

    static String type(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "invalid-token";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "server-error" : "http-" + status;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 401 -> "A valid bearer token is required";
            case 403 -> "This action is not allowed";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "No acceptable representation";
            case 413 -> "The request body is too large";
            case 415 -> "The request body must be application/json";
            default -> status >= 500 ? "The server could not complete the request" : "The request was refused";
        };
    }
}
