package care.messaging.directory.entity;

import java.util.UUID;

/**
 * A client found by a search: {@code note} names a minor's guardians; {@code signedUp}: some portal
 * account of theirs has signed up; {@code blocked}: on the searching practitioner's block list (absent
 * for admins); {@code inCare}: false for a discharged client, whom only admins find (absent for practitioners).
 */
public record ClientMatch(UUID id, String displayName, boolean minor, String note, boolean signedUp,
                          boolean messagingEnabled, Boolean blocked, Boolean inCare) {
}
