package care.messaging.audit.entity;

import java.time.Instant;

/**
 * Chains were verified on this node: whether every one was intact, and when. Ids and a yes or no only, so whoever
 * observes it (the node's metrics) learns nothing of a practice or a row. Fired synchronously after the walk.
 */
public record ChainsVerified(boolean intact, int chains, Instant at) {
}
