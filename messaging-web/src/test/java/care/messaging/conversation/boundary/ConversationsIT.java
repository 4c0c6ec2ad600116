package care.messaging.conversation.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.platform.entity.Outcome;
import care.messaging.conversation.entity.MessageView;
import care.messaging.directory.boundary.Directory;
import care.messaging.platform.entity.Identity;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType.Kind;
import care.messaging.testing.SamplePeople;
import care.messaging.testing.SamplePeople.Portal;
import care.messaging.testing.StoredRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.File;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The conversation use cases inside Payara Micro, against PostgreSQL: the built WAR plus these classes.
 * Every test seeds its own practice, so they run in any order.
 */
@ExtendWith(ArquillianExtension.class)
public class ConversationsIT {

    static final int CALLERS = 8;

    /** The WAR exactly as built (what Micro runs in production), plus the test and its fixtures. */
    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"))
                .addClasses(ConversationsIT.class, SamplePeople.class, StoredRows.class);
    }

    @Inject
    Conversations conversations;
    @Inject
    Directory directory;
    @Inject
    SamplePeople people;
    @Inject
    StoredRows rows;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Test
    void postsAreNumberedInOrderAndPagedNewestFirst() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var seqs = new ArrayList<Long>();
        for (int i = 1; i <= 5; i++) {
            var author = i % 2 == 1 ? clinic.rivera() : clinic.alex().account();
            seqs.add(send(author, thread, "<p>note " + i + "</p>").seq());
        }

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs);
        var newest = conversations.messages(clinic.rivera(), thread, null, null);
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), seqsOf(newest));
        assertEquals("<p>note 5</p>", newest.get(0).html());
        assertEquals(List.of(3L, 2L), seqsOf(conversations.messages(clinic.rivera(), thread, 4L, 2)));
        assertEquals(List.of(1L), seqsOf(conversations.messages(clinic.alex().account(), thread, 2L, 2)));
        var otherThread = start(clinic.rivera(), clinic.sam());
        assertEquals(1, send(clinic.rivera(), otherThread, "<p>first in this thread</p>").seq());
    }

    @Test
    void retryWithSameClientMessageIdReturnsOriginal() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var clientMessageId = UUID.randomUUID();

        var first = conversations.post(clinic.rivera(), thread, clientMessageId.toString(), "<p>See you Thursday</p>");
        var retry = conversations.post(clinic.rivera(), thread, clientMessageId.toString(), "<p>See you Thursday</p>");

        assertTrue(first.created());
        assertFalse(retry.created());
        assertEquals(first.value().id(), retry.value().id());
        assertEquals(1, retry.value().seq());
        assertEquals(1, rows.messagesWithClientMessageId(clientMessageId));
        assertEquals(1, rows.lastSeq(thread));
    }

    @Test
    void concurrentRetriesOfOneSendCreateOneMessage() throws Exception {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        send(clinic.alex().account(), thread, "<p>Can we move Thursday?</p>");
        var clientMessageId = UUID.randomUUID();

        var outcomes = atOnce(i -> conversations.post(clinic.rivera(), thread, clientMessageId.toString(), "<p>Yes, 4 pm</p>"));

        assertEquals(1, outcomes.stream().filter(Outcome::created).count());
        assertEquals(1, outcomes.stream().map(o -> o.value().id()).distinct().count());
        assertEquals(Set.of(2L), outcomes.stream().map(o -> o.value().seq()).collect(Collectors.toSet()));
        assertEquals(1, rows.messagesWithClientMessageId(clientMessageId));
        assertEquals(2, rows.lastSeq(thread));
    }

    @Test
    void concurrentSendsToOneConversationGetDistinctGapFreeSeqs() throws Exception {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());

        var outcomes = atOnce(i -> conversations.post(i % 2 == 0 ? clinic.rivera() : clinic.alex().account(), thread,
                UUID.randomUUID().toString(), "<p>note " + i + "</p>"));

        assertTrue(outcomes.stream().allMatch(Outcome::created));
        var expected = LongStream.rangeClosed(1, CALLERS).boxed().toList();
        assertEquals(expected, outcomes.stream().map(o -> o.value().seq()).sorted().toList());
        assertEquals(CALLERS, rows.lastSeq(thread));
        assertEquals(LongStream.iterate(CALLERS, s -> s >= 1, s -> s - 1).boxed().toList(), seqsOf(conversations.messages(clinic.rivera(), thread, null, null)));
    }

    @Test
    void clientMessageIdReusedInAnotherConversationIsAConflict() {
        var clinic = people.clinic();
        var withAlex = start(clinic.rivera(), clinic.alex());
        var withSam = start(clinic.rivera(), clinic.sam());
        var clientMessageId = UUID.randomUUID().toString();
        conversations.post(clinic.rivera(), withAlex, clientMessageId, "<p>Reminder: session at 4 pm</p>");

        assertProblem(Kind.CONFLICT, "client-message-id-reused",
                () -> conversations.post(clinic.rivera(), withSam, clientMessageId, "<p>Reminder: session at 4 pm</p>"));
        assertTrue(conversations.messages(clinic.rivera(), withSam, null, null).isEmpty());
    }

    @Test
    void concurrentReuseOfOneClientMessageIdAcrossConversationsCreatesOneMessageAndConflictsTheRest() throws Exception {
        var clinic = people.clinic();
        var withAlex = start(clinic.rivera(), clinic.alex());
        var withSam = start(clinic.rivera(), clinic.sam());
        var clientMessageId = UUID.randomUUID().toString();

        var outcomes = atOnce(i -> {
            var thread = i % 2 == 0 ? withAlex : withSam;
            try {
                var outcome = conversations.post(clinic.rivera(), thread, clientMessageId, "<p>Reminder</p>");
                return (outcome.created() ? "created in " : "original in ") + thread;
            } catch (DomainException e) {
                return e.type() + " in " + thread;
            }
        });

        assertEquals(1, outcomes.stream().filter(o -> o.startsWith("created")).count(), outcomes.toString());
        var home = outcomes.stream().filter(o -> o.startsWith("created")).findFirst().orElseThrow().substring("created in ".length());
        for (var outcome : outcomes) {
            var thread = outcome.substring(outcome.lastIndexOf(' ') + 1);
            assertTrue(thread.equals(home) ? !outcome.startsWith("client-message-id-reused")
                    : outcome.startsWith("client-message-id-reused"), outcomes.toString());
        }
        assertEquals(1, rows.messagesWithClientMessageId(UUID.fromString(clientMessageId)));
    }

    @Test
    void readMarkerOnlyMovesForward() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        for (int i = 1; i <= 3; i++) {
            send(clinic.rivera(), thread, "<p>note " + i + "</p>");
        }
        var alex = clinic.alex().account();

        assertEquals(3, conversations.markRead(alex, thread, 3L).seq());
        var back = conversations.markRead(alex, thread, 1L);

        assertEquals(3, back.seq());
        assertEquals(0, back.unreadCount());
    }

    @Test
    void readingPastTheLastMessageStopsAtItSoLaterMessagesAreUnread() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        send(clinic.rivera(), thread, "<p>one</p>");
        send(clinic.rivera(), thread, "<p>two</p>");
        var alex = clinic.alex().account();

        assertEquals(2, conversations.markRead(alex, thread, 99L).seq());
        send(clinic.rivera(), thread, "<p>three</p>");

        assertEquals(1, unread(alex, thread));
    }

    @Test
    void unreadCountsOnlyTheOtherSidesMessagesAfterTheMarker() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var alex = clinic.alex().account();
        for (int i = 1; i <= 3; i++) {
            send(clinic.rivera(), thread, "<p>from Dr. Rivera " + i + "</p>");
        }
        send(alex, thread, "<p>from Alex 4</p>");
        send(alex, thread, "<p>from Alex 5</p>");

        assertEquals(3, unread(alex, thread));
        assertEquals(2, unread(clinic.rivera(), thread));
        assertEquals(1, conversations.markRead(alex, thread, 2L).unreadCount());
        assertEquals(1, conversations.markRead(clinic.rivera(), thread, 4L).unreadCount());
        assertEquals(0, conversations.markRead(alex, thread, 5L).unreadCount());
    }

    @Test
    void readAtIsSetOnceTheOtherSideReads() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        send(clinic.rivera(), thread, "<p>one</p>");
        send(clinic.rivera(), thread, "<p>two</p>");
        var alex = clinic.alex().account();

        conversations.markRead(clinic.rivera(), thread, 2L);
        assertNull(readAt(clinic.rivera(), thread, 1), "the author's own reading is no receipt");

        conversations.markRead(alex, thread, 1L);
        var firstRead = readAt(clinic.rivera(), thread, 1);
        assertNotNull(firstRead);
        assertNull(readAt(clinic.rivera(), thread, 2));

        conversations.markRead(alex, thread, 2L);
        assertNotNull(readAt(clinic.rivera(), thread, 2));
        assertEquals(firstRead, readAt(clinic.rivera(), thread, 1));
    }

    @Test
    void startingAgainFindsTheSameConversation() {
        var clinic = people.clinic();

        var first = conversations.start(clinic.rivera(), clinic.alex().clientId());
        var again = conversations.start(clinic.rivera(), clinic.alex().clientId());

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.value().id(), again.value().id());
        assertEquals(1, rows.conversationsWithClient(clinic.alex().clientId()));
    }

    @Test
    void concurrentStartsCreateOneConversation() throws Exception {
        var clinic = people.clinic();

        var outcomes = atOnce(i -> conversations.start(clinic.rivera(), clinic.alex().clientId()));

        assertEquals(1, outcomes.stream().filter(Outcome::created).count());
        assertEquals(1, outcomes.stream().map(o -> o.value().id()).distinct().count());
        assertEquals(1, rows.conversationsWithClient(clinic.alex().clientId()));
    }

    @Test
    void startingWithAnotherPracticesClientIsNotFound() {
        var clinic = people.clinic();
        var elsewhere = people.clinic();

        assertProblem(Kind.NOT_FOUND, "not-found", () -> conversations.start(clinic.rivera(), elsewhere.alex().clientId()));
        assertEquals(0, rows.conversationsWithClient(elsewhere.alex().clientId()));
    }

    @Test
    void practitionersOutsideTheConversationAreToldItDoesNotExist() {
        var clinic = people.clinic();
        var elsewhere = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        send(clinic.rivera(), thread, "<p>Welcome, Alex</p>");

        assertNotPartOf(elsewhere.rivera(), thread);
        assertNotPartOf(clinic.chen(), thread);
        assertEquals(1, rows.lastSeq(thread));
    }

    @Test
    void clientAccountsNotActingForTheClientAreToldItDoesNotExist() {
        var clinic = people.clinic();
        var elsewhere = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        send(clinic.rivera(), thread, "<p>Welcome, Alex</p>");

        assertNotPartOf(clinic.sam().account(), thread);
        assertNotPartOf(elsewhere.alex().account(), thread);
        assertEquals(1, rows.lastSeq(thread));
    }

    @Test
    void guardianReadsAndPostsInTheMinorsThreadAsTheirGuardian() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.sam());
        send(clinic.rivera(), thread, "<p>How was school this week?</p>");
        var jordan = clinic.sam().account();

        assertEquals(List.of(1L), seqsOf(conversations.messages(jordan, thread, null, null)));
        var reply = send(jordan, thread, "<p>Better, thank you</p>");

        assertEquals("Jordan Lee, guardian of Sam Lee", reply.sender().displayName());
        assertEquals("Jordan Lee, guardian of Sam Lee",
                conversations.messages(clinic.rivera(), thread, null, 1).get(0).sender().displayName());
    }

    @Test
    void disabledAccountIsRefusedAsUnauthenticated() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var alex = clinic.alex().account();

        people.disable(alex);

        assertAll(
                () -> assertProblem(Kind.UNAUTHENTICATED, "account-disabled", () -> directory.me(alex)),
                () -> assertProblem(Kind.UNAUTHENTICATED, "account-disabled", () -> conversations.messages(alex, thread, null, null)),
                () -> assertProblem(Kind.UNAUTHENTICATED, "account-disabled",
                        () -> conversations.post(alex, thread, UUID.randomUUID().toString(), "<p>hello?</p>")));
        assertEquals(0, rows.lastSeq(thread));
    }

    @Test
    void dischargedClientsThreadIsGoneForTheGuardianAndReadOnlyForThePractitioner() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.sam());
        var jordan = clinic.sam().account();
        send(jordan, thread, "<p>Thank you for everything</p>");

        people.discharge(clinic.sam().clientId());

        assertNotPartOf(jordan, thread);
        assertTrue(conversations.list(jordan, null, null).items().isEmpty());
        assertEquals(List.of(1L), seqsOf(conversations.messages(clinic.rivera(), thread, null, null)));
        assertEquals(0, conversations.markRead(clinic.rivera(), thread, 1L).unreadCount());
        assertProblem(Kind.CONFLICT, "client-discharged",
                () -> conversations.post(clinic.rivera(), thread, UUID.randomUUID().toString(), "<p>One more thing</p>"));
        assertEquals(1, rows.lastSeq(thread));
    }

    @Test
    void unknownSubjectIsRefusedAsUnauthenticated() {
        var stranger = new Identity("unknown-" + UUID.randomUUID(), Set.of("practitioner"));

        assertProblem(Kind.UNAUTHENTICATED, "unknown-account", () -> directory.me(stranger));
        assertProblem(Kind.UNAUTHENTICATED, "unknown-account", () -> conversations.list(stranger, null, null));
    }

    @Test
    void clientCannotStartAConversation() {
        var clinic = people.clinic();

        assertProblem(Kind.FORBIDDEN, "wrong-role",
                () -> conversations.start(clinic.alex().account(), clinic.alex().clientId()));
        assertEquals(0, rows.conversationsWithClient(clinic.alex().clientId()));
    }

    String start(Identity practitioner, Portal client) {
        return conversations.start(practitioner, client.clientId()).value().id().toString();
    }

    MessageView send(Identity author, String thread, String html) {
        return conversations.post(author, thread, UUID.randomUUID().toString(), html).value();
    }

    long unread(Identity reader, String thread) {
        return conversations.list(reader, null, null).items().stream()
                .filter(c -> c.id().toString().equals(thread))
                .findFirst().orElseThrow().unreadCount();
    }

    OffsetDateTime readAt(Identity reader, String thread, long seq) {
        return conversations.messages(reader, thread, seq + 1, 1).get(0).readAt();
    }

    void assertNotPartOf(Identity outsider, String thread) {
        assertAll(
                () -> assertProblem(Kind.NOT_FOUND, "not-found", () -> conversations.messages(outsider, thread, null, null)),
                () -> assertProblem(Kind.NOT_FOUND, "not-found",
                        () -> conversations.post(outsider, thread, UUID.randomUUID().toString(), "<p>hi</p>")),
                () -> assertProblem(Kind.NOT_FOUND, "not-found", () -> conversations.markRead(outsider, thread, 1L)));
    }

    static void assertProblem(Kind kind, String type, Executable call) {
        var problem = assertThrows(DomainException.class, call);
        assertEquals(type, problem.type());
        assertEquals(kind, problem.kind());
    }

    static List<Long> seqsOf(List<MessageView> page) {
        return page.stream().map(MessageView::seq).toList();
    }

    /**
     * Runs the call on {@value #CALLERS} container threads released together, so they race for real,
     * and returns what each got.
     */
    <T> List<T> atOnce(IntFunction<T> call) throws Exception {
        var ready = new CountDownLatch(CALLERS);
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(CALLERS, threads);
        try {
            var futures = IntStream.range(0, CALLERS).mapToObj(i -> pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(i);
            })).toList();
            assertTrue(ready.await(30, SECONDS), "all callers started");
            go.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(60, SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
