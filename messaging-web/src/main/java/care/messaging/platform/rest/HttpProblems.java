package care.messaging.platform.rest;

import care.messaging.platform.entity.ProblemType;

/** The problem types and titles of refusals that come from HTTP itself rather than from the business components. */
record HttpProblems(ProblemType problem, String title) {

    static HttpProblems of(int status) {
        return switch (status) {
            case 400 -> new HttpProblems(ProblemType.BAD_REQUEST, "The request is malformed");
            case 401 -> new HttpProblems(ProblemType.INVALID_TOKEN, "A valid bearer token is required");
            case 403 -> new HttpProblems(ProblemType.FORBIDDEN, "This action is not allowed");
            case 404 -> new HttpProblems(ProblemType.NOT_FOUND, "No such resource");
            case 405 -> new HttpProblems(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed here");
            case 406 -> new HttpProblems(ProblemType.NOT_ACCEPTABLE, "No acceptable representation");
            case 413 -> new HttpProblems(ProblemType.BODY_TOO_LARGE, "The request body is larger than 256 KB");
            case 415 -> new HttpProblems(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json");
            default -> status >= 500
                    ? new HttpProblems(ProblemType.SERVER_ERROR, "The server could not complete the request")
                    : new HttpProblems(ProblemType.HTTP_STATUS, "The request was refused");
        };
    }

    /** The problem document, with the status the container answered. */
    String json(int status) {
        return Problems.json(problem, title, status, Problems.instance());
    }
}
