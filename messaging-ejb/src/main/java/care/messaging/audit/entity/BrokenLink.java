package care.messaging.audit.entity;

import java.util.UUID;

/** The first place where a chain is not what the application wrote: chain, row number, and why. */
public record BrokenLink(UUID chain, long no, String reason) {

    /** The row's content (or its number) is not what its hash was computed over: the row was changed. */
    public static final String HASH_MISMATCH = "hash-mismatch";
    /** Row {@code no} is missing: a row was deleted. */
    public static final String GAP = "gap";
    /** The row does not link to the row before it: a row was replaced or its link edited. */
    public static final String PREV_MISMATCH = "prev-mismatch";
    /** The chain does not end where its head says: rows deleted at the end, or appended outside the app. */
    public static final String HEAD_MISMATCH = "head-mismatch";
}
