package care.messaging.platform.rest;

import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;

/**
 * Query parameters and bodies arrive as text and are parsed here, so a malformed one is a 400 problem
 * (JAX-RS would answer 404 for an unconvertible query parameter).
 */
public final class Params {

    private Params() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new DomainException(ProblemType.MISSING_BODY, "A JSON request body is required");
        }
        return body;
    }

    public static Integer integer(String name, ProblemType problem, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new DomainException(problem, name + " must be a whole number");
        }
    }

    public static Long positiveLong(String name, ProblemType problem, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            var number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DomainException(problem, name + " must be a positive whole number");
    }

    /** An event stream cursor ({@code after}): absent means 0, anything but a whole number ≥ 0 is refused. */
    public static long eventCursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            var value = Long.parseLong(after);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DomainException(ProblemType.INVALID_CURSOR, "after must be an event cursor (0 or more)");
    }
}
