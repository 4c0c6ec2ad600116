package care.messaging.search.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.attachment.boundary.Attachments;
import care.messaging.conversation.boundary.Conversations;
import care.messaging.conversation.boundary.MessageDeletions;
import care.messaging.conversation.entity.MessageView;
import care.messaging.platform.entity.Identity;
import care.messaging.search.entity.MessageHit;
import care.messaging.testing.SamplePeople;
import care.messaging.testing.SamplePeople.Portal;
import care.messaging.testing.SearchRows;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The search index inside Payara Micro, against PostgreSQL: what the black-box tests cannot reach
 * (the index rows living and dying in the send's and the deletion's transactions, forgetting a deleted
 * message, the backfill, a hash collision). Every test seeds its own practice.
 */
@ExtendWith(ArquillianExtension.class)
public class SearchIT {

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"))
                .addClasses(SearchIT.class, SamplePeople.class, SearchRows.class);
    }

    @Inject
    Conversations conversations;
    @Inject
    Search search;
    @Inject
    SearchRows rows;
    @Inject
    SearchBackfillBatch backfill;
    @Inject
    SamplePeople people;
    @Inject
    MessageDeletions deletions;
    @Inject
    UserTransaction transaction;
    @Inject
    Attachments attachments;

    @Test
    void aSendsIndexRowsAreWrittenInItsTransactionAndRollBackWithIt() throws Exception {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        MessageView rolledBack;
        long termsInside;
        transaction.begin();
        try {
            rolledBack = send(clinic.rivera(), thread, "<p>Relapse prevention plan</p>");
            termsInside = rows.terms(rolledBack.id());
        } finally {
            transaction.rollback();
        }
        assertTrue(termsInside > 0, "the send's transaction holds its index rows before it ends");
        assertEquals(0, rows.terms(rolledBack.id()), "they went with the send that rolled back");
        assertEquals(List.of(), found(clinic.rivera(), "relapse"));

        var sent = send(clinic.rivera(), thread, "<p>Relapse prevention plan</p>");

        assertEquals(termsInside, rows.terms(sent.id()));
        assertEquals(List.of(sent.id()), found(clinic.rivera(), "relapse"));
    }

    @Test
    void aDeletionRemovesTheIndexRowsInItsTransactionAndOnlyIfItCommits() throws Exception {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var message = send(clinic.alex().account(), thread, "<p>Nightmares again this week</p>");
        var terms = rows.terms(message.id());
        long termsInside;
        transaction.begin();
        try {
            deletions.delete(clinic.alex().account(), thread, message.id().toString());
            termsInside = rows.terms(message.id());
        } finally {
            transaction.rollback();
        }
        assertEquals(0, termsInside, "the deletion's transaction removed them");
        assertEquals(terms, rows.terms(message.id()), "and they are back with the message after its rollback");
        assertEquals(List.of(message.id()), found(clinic.rivera(), "nightmare"));

        deletions.delete(clinic.alex().account(), thread, message.id().toString());

        assertEquals(0, rows.terms(message.id()));
        assertEquals(List.of(), found(clinic.rivera(), "nightmare"));
    }

    @Test
    void forgottenMessageIsNoLongerFound() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var kept = send(clinic.rivera(), thread, "<p>The sleep diary is due Friday</p>");
        var deleted = send(clinic.alex().account(), thread, "<p>I lost my sleep diary</p>");
        assertEquals(List.of(deleted.id(), kept.id()), found(clinic.rivera(), "diary"));

        rows.forget(deleted.id());

        assertEquals(List.of(kept.id()), found(clinic.rivera(), "diary"));
        assertEquals(List.of(kept.id()), found(clinic.alex().account(), "sleep dia"));
        assertEquals(0, rows.terms(deleted.id()));
    }

    @Test
    void messagesTheIndexNeverSawAreFoundAfterTheBackfill() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var old = send(clinic.alex().account(), thread, "<p>Journaling before bed helps</p>");
        var terms = rows.terms(old.id());
        rows.unindex(old.id());
        assertEquals(List.of(), found(clinic.rivera(), "journal"));

        drainBackfillUntil(() -> found(clinic.rivera(), "journal").equals(List.of(old.id())));

        assertEquals(List.of(old.id()), found(clinic.rivera(), "journal"));
        assertEquals(terms, rows.terms(old.id()));
    }

    @Test
    void theBackfillIndexesTheNamesOfAMessagesFilesToo() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var pdf = ("%PDF-1.4\n" + "filler ".repeat(500)).getBytes(StandardCharsets.ISO_8859_1);
        var file = attachments.upload(clinic.alex().account(), "Sleep diary.pdf", pdf.length, new ByteArrayInputStream(pdf));
        var sent = conversations.post(clinic.alex().account(), thread, UUID.randomUUID().toString(), "", List.of(file.id().toString())).value();
        assertEquals(List.of(sent.id()), found(clinic.rivera(), "diary"), "indexed in the send");
        var terms = rows.terms(sent.id());
        rows.unindex(sent.id());
        assertEquals(List.of(), found(clinic.rivera(), "diary"));

        drainBackfillUntil(() -> found(clinic.rivera(), "diary").equals(List.of(sent.id())));

        assertEquals(List.of(sent.id()), found(clinic.rivera(), "diary"));
        assertEquals(terms, rows.terms(sent.id()), "the backfill writes what the send wrote");
    }

    @Test
    void messagesIndexedUnderAReplacedKeyAreIndexedAgainWithoutDuplicates() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var message = send(clinic.rivera(), thread, "<p>Mindfulness worksheet attached</p>");
        var terms = rows.terms(message.id());
        rows.markIndexedUnderAnotherKey(message.id());

        drainBackfillUntil(() -> !rows.indexedUnderAnotherKey(message.id()));

        assertEquals(terms, rows.terms(message.id()));
        assertEquals(List.of(message.id()), found(clinic.rivera(), "worksheet mindful"));
    }

    @Test
    void candidateWhoseTextDoesNotHoldTheWordIsNotReturned() {
        var clinic = people.clinic();
        var thread = start(clinic.rivera(), clinic.alex());
        var message = send(clinic.rivera(), thread, "<p>Bring your insurance card</p>");
        rows.addCollision(message.id(), "panic");

        assertEquals(List.of(), found(clinic.rivera(), "panic"));
        assertEquals(List.of(message.id()), found(clinic.rivera(), "insur"));
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutRepeats() {
        var clinic = people.clinic();
        var withAlex = start(clinic.rivera(), clinic.alex());
        var withSam = start(clinic.rivera(), clinic.sam());
        var sent = new ArrayList<UUID>();
        for (int i = 0; i < 5; i++) {
            sent.add(0, send(clinic.rivera(), i % 2 == 0 ? withAlex : withSam, "<p>Homework " + i + " for the week</p>").id());
        }
        send(clinic.rivera(), withAlex, "<p>Unrelated</p>");

        var seen = new ArrayList<UUID>();
        String cursor = null;
        var pages = 0;
        do {
            var page = search.messages(clinic.rivera(), "homework", cursor, 2);
            page.items().forEach(h -> seen.add(h.messageId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(sent, seen);
        assertEquals(3, pages);
        var lastPage = search.messages(clinic.rivera(), "homework", null, 5);
        assertNull(lastPage.nextCursor());
        assertTrue(lastPage.items().stream().allMatch(h -> h.snippet().toLowerCase().contains("homework")));
    }

    /**
     * Runs backfill batches until none is left; the application's own backfill timer may hold a message
     * at that moment (SKIP LOCKED), so it waits, up to 30 s, for the condition as well.
     */
    void drainBackfillUntil(BooleanSupplier done) {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            for (int i = 0; i < 1000 && backfill.run(500) > 0; i++) {
                // until no message is left that the current key has not indexed
            }
            if (done.getAsBoolean() || System.nanoTime() > deadline) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    List<UUID> found(Identity caller, String q) {
        return search.messages(caller, q, null, 50).items().stream().map(MessageHit::messageId).toList();
    }

    String start(Identity practitioner, Portal client) {
        return conversations.start(practitioner, client.clientId()).value().id().toString();
    }

    MessageView send(Identity author, String thread, String html) {
        return conversations.post(author, thread, UUID.randomUUID().toString(), html).value();
    }
}
