package care.messaging.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.audit.control.AuditRows;
import care.messaging.audit.entity.AuditEvent;
import care.messaging.audit.entity.Verification;
import care.messaging.conversation.boundary.Conversations;
import care.messaging.crypto.control.KeyRing;
import care.messaging.directory.boundary.AuditReviews;
import care.messaging.directory.boundary.Directory;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.Identity;
import care.messaging.testing.SamplePeople;
import care.messaging.testing.StoredAuditRows;
import care.messaging.testing.StoredAuditRows.Row;
import jakarta.inject.Inject;
import java.io.File;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Who the audit trail says acted, inside Payara Micro against PostgreSQL, now that it reads no account
 * itself: a success names the actor its caller passed, in the chain of the actor's practice; a refusal
 * names the account behind the token's subject (looked up by the directory), or the claimed subject;
 * reviewing the trail is for admins (their practice) and hospital IT (every chain); the chain is sealed
 * with the key ring's audit key. Every test seeds its own practice.
 */
@ExtendWith(ArquillianExtension.class)
public class AuditTrailIT {

    static final UUID NO_PRACTICE = new UUID(0, 0);

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"))
                .addClasses(AuditTrailIT.class, SamplePeople.class, StoredAuditRows.class);
    }

    @Inject
    Conversations conversations;
    @Inject
    Directory directory;
    @Inject
    AuditReviews reviews;
    @Inject
    AuditRows stored;
    @Inject
    KeyRing keyRing;
    @Inject
    SamplePeople people;
    @Inject
    StoredAuditRows audit;

    @Test
    void aSuccessNamesTheActorItsCallerPassedInTheChainOfTheActorsPractice() {
        var clinic = people.clinic();

        var thread = conversations.start(clinic.rivera(), clinic.alex().clientId()).value().id();

        var rivera = directory.me(clinic.rivera());
        var started = only(audit.ofActor(rivera.id()), row -> row.action().equals("conversation.start"));
        assertAll(
                () -> assertEquals("practitioner", started.actorRole()),
                () -> assertEquals(rivera.practice().id(), started.practiceId()),
                () -> assertEquals(rivera.practice().id(), started.chain()),
                () -> assertEquals("success", started.outcome()),
                () -> assertEquals(thread, started.conversationId()),
                () -> assertNull(started.subject()));
    }

    @Test
    void aRefusalNamesTheAccountBehindTheSubjectWhateverKeptItOut() {
        var clinic = people.clinic();
        var elsewhere = people.clinic();
        var thread = conversations.start(clinic.rivera(), clinic.alex().clientId()).value().id().toString();
        var outsider = directory.me(elsewhere.rivera());
        var alex = directory.me(clinic.alex().account());
        var rivera = directory.me(clinic.rivera());
        people.disable(clinic.alex().account());

        refused("not-found", () -> conversations.messages(elsewhere.rivera(), thread, null, null));
        refused("account-disabled", () -> conversations.messages(clinic.alex().account(), thread, null, null));
        refused("no-role", () -> conversations.messages(new Identity(clinic.rivera().subject(), Set.of()), thread, null, null));

        var notFound = only(audit.ofActor(outsider.id()), row -> row.outcome().equals("denied"));
        var disabled = only(audit.ofActor(alex.id()), row -> row.outcome().equals("denied"));
        var noRole = only(audit.ofActor(rivera.id()), row -> row.outcome().equals("denied"));
        assertAll(
                () -> assertEquals(List.of("access.denied", "conversation.read", "not-found", "practitioner"),
                        List.of(notFound.action(), notFound.attemptedAction(), notFound.reason(), notFound.actorRole())),
                () -> assertEquals(outsider.practice().id(), notFound.chain(), "the refused caller's chain, not the conversation's"),
                () -> assertEquals(UUID.fromString(thread), notFound.conversationId()),
                () -> assertEquals(List.of("token.rejected", "account-disabled", "client"),
                        List.of(disabled.action(), disabled.reason(), disabled.actorRole())),
                () -> assertEquals(alex.practice().id(), disabled.chain()),
                () -> assertEquals(List.of("token.rejected", "no-role", "practitioner"),
                        List.of(noRole.action(), noRole.reason(), noRole.actorRole())),
                () -> assertEquals(rivera.practice().id(), noRole.chain()));
    }

    @Test
    void aSubjectWithoutAnAccountIsRecordedAsClaimedInTheChainOfNoPractice() {
        var subject = "unknown-" + UUID.randomUUID();

        refused("unknown-account", () -> directory.me(new Identity(subject, Set.of("practitioner"))));

        var rejected = only(audit.ofClaimedSubject(subject), row -> true);
        assertAll(
                () -> assertEquals(List.of("token.rejected", "account.me", "unknown-account"),
                        List.of(rejected.action(), rejected.attemptedAction(), rejected.reason())),
                () -> assertNull(rejected.actorId()),
                () -> assertNull(rejected.actorRole()),
                () -> assertNull(rejected.practiceId()),
                () -> assertEquals(NO_PRACTICE, rejected.chain()));
    }

    @Test
    void anAdminReviewsTheirPracticesChainAndTheReviewIsRecorded() {
        var clinic = people.clinic();
        var admin = people.admin(clinic.rivera());
        conversations.start(clinic.rivera(), clinic.alex().clientId());
        var rivera = directory.me(clinic.rivera());
        var me = directory.me(admin);
        var range = lastHour();

        var verification = reviews.verify(admin);
        var events = reviews.export(admin, range[0], range[1], rivera.id().toString(), null);

        assertTrue(verification.ok(), verification::toString);
        assertEquals(List.of(rivera.practice().id()), verification.heads().stream().map(Verification.Head::chain).toList());
        assertTrue(events.stream().anyMatch(e -> e.action().equals("conversation.start")), events::toString);
        assertTrue(events.stream().allMatch(e -> rivera.id().equals(e.actor().accountId()) || rivera.id().equals(e.targets().accountId())));
        var reviewed = audit.ofActor(me.id()).stream().map(row -> List.of(row.action(), row.actorRole(), row.chain().toString())).toList();
        assertEquals(List.of(List.of("audit.verify", "admin", me.practice().id().toString()),
                List.of("audit.export", "admin", me.practice().id().toString())), reviewed);
        assertEquals(rivera.id(), audit.ofActor(me.id()).get(1).accountId(), "the export names whose events it showed");
    }

    @Test
    void othersAreRefusedReviewingAndAnotherPracticesAccountDoesNotExistForAnAdmin() {
        var clinic = people.clinic();
        var elsewhere = people.clinic();
        var admin = people.admin(clinic.rivera());
        var foreign = directory.me(elsewhere.rivera()).id().toString();
        var rivera = directory.me(clinic.rivera());
        var me = directory.me(admin);
        var range = lastHour();

        refused("wrong-role", () -> reviews.verify(clinic.rivera()));
        refused("wrong-role", () -> reviews.export(clinic.alex().account(), range[0], range[1], null, null));
        refused("not-found", () -> reviews.export(admin, range[0], range[1], foreign, null));
        refused("invalid-range", () -> reviews.export(admin, range[1], range[0], foreign, null));

        var byRivera = only(audit.ofActor(rivera.id()), row -> true);
        var byAdmin = only(audit.ofActor(me.id()), row -> true);
        assertAll(
                () -> assertEquals(List.of("access.denied", "audit.verify", "wrong-role"),
                        List.of(byRivera.action(), byRivera.attemptedAction(), byRivera.reason())),
                () -> assertEquals(List.of("access.denied", "audit.export", "not-found"),
                        List.of(byAdmin.action(), byAdmin.attemptedAction(), byAdmin.reason())),
                () -> assertEquals(UUID.fromString(foreign), byAdmin.accountId()),
                () -> assertEquals("audit.export", only(audit.ofActor(directory.me(clinic.alex().account()).id()), row -> true)
                        .attemptedAction()));
    }

    @Test
    void hospitalItVerifiesEveryChainThatOfNoPracticeIncluded() {
        var clinic = people.clinic();
        conversations.start(clinic.rivera(), clinic.alex().clientId());
        var operator = people.operator();

        var verification = reviews.verify(operator);

        var chains = verification.heads().stream().map(Verification.Head::chain).toList();
        assertTrue(verification.ok(), verification::toString);
        assertTrue(chains.contains(directory.me(clinic.rivera()).practice().id()), chains::toString);
        assertTrue(chains.contains(NO_PRACTICE), chains::toString);
        var recorded = only(audit.ofActor(directory.me(operator).id()), row -> true);
        assertEquals(List.of("audit.verify", "operator", NO_PRACTICE.toString()),
                List.of(recorded.action(), recorded.actorRole(), recorded.chain().toString()));
    }

    @Test
    void theChainIsSealedWithTheKeyRingsAuditKey() {
        var clinic = people.clinic();
        conversations.start(clinic.rivera(), clinic.alex().clientId());
        conversations.list(clinic.rivera(), null, null);
        var chain = directory.me(clinic.rivera()).practice().id();

        var head = stored.head(chain);
        List<AuditEvent> rows = stored.page(chain, 0, head.lastNo(), 100);

        assertEquals(2, rows.size());
        var anotherKey = new SecretKeySpec(new byte[32], "HmacSHA256");
        for (var row : rows) {
            assertTrue(row.isSealedBy(keyRing.auditKey()), row::toString);
            assertFalse(row.isSealedBy(anotherKey), row::toString);
        }
    }

    static void refused(String type, Executable call) {
        assertEquals(type, assertThrows(DomainException.class, call).type());
    }

    static Row only(List<Row> rows, Predicate<Row> which) {
        var matching = rows.stream().filter(which).toList();
        assertEquals(1, matching.size(), rows::toString);
        return matching.get(0);
    }

    static String[] lastHour() {
        var now = OffsetDateTime.now();
        return new String[] {now.minusHours(1).toString(), now.plusHours(1).toString()};
    }
}
