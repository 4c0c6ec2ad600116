package care.messaging.monitoring.rest;

/**
 * The API answered a problem: its type's slug (as in docs/problems.md), and whether the call was a message's send.
 * Nothing of the caller or the request's content.
 */
public record ProblemAnswered(String type, boolean send) {
}
