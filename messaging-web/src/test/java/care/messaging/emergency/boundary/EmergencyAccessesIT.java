package care.messaging.emergency.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.conversation.boundary.Conversations;
import care.messaging.conversation.entity.MessageView;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType.Kind;
import care.messaging.testing.SamplePeople;
import care.messaging.testing.StoredRows;
import jakarta.inject.Inject;
import java.io.File;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Break-glass inside Payara Micro, against PostgreSQL: a grant opens the conversation's ordinary read to
 * the admin who holds it (asked through BreakGlass), and nothing else does. Every test seeds its own practice.
 */
@ExtendWith(ArquillianExtension.class)
public class EmergencyAccessesIT {

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"))
                .addClasses(EmergencyAccessesIT.class, SamplePeople.class, StoredRows.class);
    }

    @Inject
    EmergencyAccesses emergencyAccesses;
    @Inject
    Conversations conversations;
    @Inject
    SamplePeople people;
    @Inject
    StoredRows rows;

    @Test
    void anAdminReadsAConversationOnlyUnderAGrantOfTheirsAndEachReadIsAuditedAsEmergencyAccess() {
        var clinic = people.clinic();
        var thread = conversations.start(clinic.rivera(), clinic.alex().clientId()).value().id().toString();
        var sent = conversations.post(clinic.alex().account(), thread, UUID.randomUUID().toString(), "<p>I had a rough night</p>")
                .value();
        assertProblem(Kind.NOT_FOUND, "not-found", () -> conversations.messages(clinic.admin(), thread, null, null));

        var grant = emergencyAccesses.grant(clinic.admin(), thread, "  Client safety concern reported by phone  ");

        assertEquals("Client safety concern reported by phone", grant.reason());
        assertTrue(grant.active() && grant.expiresAt().isAfter(grant.grantedAt()), grant::toString);
        assertEquals(List.of(sent.id()), conversations.messages(clinic.admin(), thread, null, null).stream()
                .map(MessageView::id).toList());
        assertEquals(1, rows.audited("emergency.read", thread));
        assertEquals(0, rows.audited("conversation.read", thread), "nobody read it as a participant");
        var seen = emergencyAccesses.list(clinic.rivera(), thread);
        assertEquals(1, seen.size(), "the practitioner sees the access");
        assertAll(
                () -> assertEquals(grant.id(), seen.get(0).id()),
                () -> assertEquals(grant.grantedBy(), seen.get(0).grantedBy()),
                () -> assertEquals(grant.reason(), seen.get(0).reason()),
                () -> assertTrue(grant.expiresAt().isEqual(seen.get(0).expiresAt())),
                () -> assertTrue(seen.get(0).active()));
        assertProblem(Kind.NOT_FOUND, "not-found", () -> conversations.messages(clinic.chen(), thread, null, null));
    }

    @Test
    void refusedGrantsChangeNothing() {
        var clinic = people.clinic();
        var thread = conversations.start(clinic.rivera(), clinic.alex().clientId()).value().id().toString();

        assertAll(
                () -> assertProblem(Kind.INVALID, "reason-required", () -> emergencyAccesses.grant(clinic.admin(), thread, "   because  ")),
                () -> assertProblem(Kind.INVALID, "reason-required", () -> emergencyAccesses.grant(clinic.admin(), thread, null)),
                () -> assertProblem(Kind.FORBIDDEN, "wrong-role", () -> emergencyAccesses.grant(clinic.rivera(), thread, "Client safety concern")),
                () -> assertProblem(Kind.NOT_FOUND, "not-found", () -> emergencyAccesses.grant(clinic.admin(), UUID.randomUUID().toString(), "Client safety concern")));

        assertEquals(0, rows.emergencyGrants(thread));
        assertEquals(List.of(), emergencyAccesses.list(clinic.rivera(), thread));
        assertProblem(Kind.NOT_FOUND, "not-found", () -> conversations.messages(clinic.admin(), thread, null, null));
    }

    static void assertProblem(Kind kind, String type, Executable call) {
        var problem = assertThrows(DomainException.class, call);
        assertEquals(type, problem.type());
        assertEquals(kind, problem.kind());
    }
}
