package care.messaging.platform.rest;

/** Problem types for refusals that come from HTTP itself rather than from the business components. */
record HttpProblems(String type, String title) {

    static HttpProblems of(int status) {
        return switch (status) {
            case 400 -> new HttpProblems("bad-request", "The request is malformed");
            case 401 -> new HttpProblems("invalid-token", "A valid bearer token is required");
            case 403 -> new HttpProblems("forbidden", "This action is not allowed");
            case 404 -> new HttpProblems("not-found", "No such resource");
            case 405 -> new HttpProblems("method-not-allowed", "This method is not allowed here");
            case 406 -> new HttpProblems("not-acceptable", "No acceptable representation");
            case 413 -> new HttpProblems("body-too-large", "The request body is larger than 256 KB");
            case 415 -> new HttpProblems("unsupported-media-type", "The request body must be application/json");
            default -> status >= 500
                    ? new HttpProblems("server-error", "The server could not complete the request")
                    : new HttpProblems("http-" + status, "The request was refused");
        };
    }

    String json(int status) {
        return Problems.json(type, title, status, Problems.instance());
    }
}
