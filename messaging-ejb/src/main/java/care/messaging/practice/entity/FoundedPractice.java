package care.messaging.practice.entity;

import care.messaging.invitation.entity.InvitationView;
import java.util.UUID;

/**
 * A practice just founded: the practice, its first admin's account id, and that admin's invitation, whose
 * {@code code} is in this answer only (the practitioner app's link: {@code <origin>/messaging/#invitation=<code>}).
 */
public record FoundedPractice(PracticeSummary practice, UUID adminId, InvitationView invitation) {
}
