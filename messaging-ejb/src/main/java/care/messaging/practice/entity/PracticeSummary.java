package care.messaging.practice.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A practice as hospital IT sees it: no person's name. {@code members}: its enabled practitioners and admins
 * (signed up or not); {@code clients}: its clients in care (not discharged).
 */
public record PracticeSummary(UUID id, String name, OffsetDateTime createdAt, long members, long clients) {
}
