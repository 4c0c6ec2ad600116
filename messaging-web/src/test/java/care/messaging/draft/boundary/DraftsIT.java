package care.messaging.draft.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.messaging.conversation.boundary.Conversations;
import care.messaging.delivery.boundary.Events;
import care.messaging.delivery.entity.Event;
import care.messaging.draft.entity.DraftView;
import care.messaging.platform.entity.Identity;
import care.messaging.testing.SamplePeople;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drafts inside Payara Micro, against PostgreSQL: what the black-box tests cannot reach, the send
 * clearing the sender's draft in its own transaction, and the order of the events each step tells the
 * writer's devices. Every test seeds its own practice.
 */
@ExtendWith(ArquillianExtension.class)
public class DraftsIT {

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"))
                .addClasses(DraftsIT.class, SamplePeople.class);
    }

    @Inject
    Drafts drafts;
    @Inject
    Conversations conversations;
    @Inject
    Events events;
    @Inject
    SamplePeople people;
    @Inject
    UserTransaction transaction;

    @Test
    void aSendClearsTheSendersDraftInItsTransactionAndTellsTheirDevicesAfterTheMessage() throws Exception {
        var clinic = people.clinic();
        var rivera = clinic.rivera();
        var alex = clinic.alex().account();
        var thread = conversations.start(rivera, clinic.alex().clientId()).value().id().toString();
        drafts.save(rivera, thread, "<p>See you on Tuesday</p>", null);
        drafts.save(alex, thread, "<p>My own draft</p>", null);

        DraftView inside;
        transaction.begin();
        try {
            send(rivera, thread, "<p>See you on Tuesday</p>");
            inside = drafts.read(rivera, thread);
        } finally {
            transaction.rollback();
        }
        assertFalse(inside.exists(), "the send's transaction cleared the draft");
        assertEquals("<p>See you on Tuesday</p>", drafts.read(rivera, thread).html(), "and it is back after the rollback");

        var from = events.position(rivera);
        send(rivera, thread, "<p>See you on Tuesday</p>");

        assertFalse(drafts.read(rivera, thread).exists());
        assertEquals("<p>My own draft</p>", drafts.read(alex, thread).html(), "the other side's draft is theirs and stays");
        var told = eventsAfter(rivera, from, thread);
        assertEquals(List.of(Event.MESSAGE_CREATED, Event.CONVERSATION_CHANGED, Event.DRAFT_CHANGED),
                told.stream().map(Event::type).toList());
        assertFalse(told.get(2).facts().getBoolean("hasDraft"));
        assertTrue(told.get(2).facts().isNull("updatedAt"));
    }

    @Test
    void savingAndDiscardingTellOnlyTheWritersDevicesWhetherThereIsADraftNeverItsText() {
        var clinic = people.clinic();
        var rivera = clinic.rivera();
        var alex = clinic.alex().account();
        var thread = conversations.start(rivera, clinic.alex().clientId()).value().id().toString();
        var fromRivera = events.position(rivera);
        var fromAlex = events.position(alex);

        var saved = drafts.save(rivera, thread, "<p>Homework for the week</p>", null);
        drafts.discard(rivera, thread);
        drafts.discard(rivera, thread);

        var told = eventsAfter(rivera, fromRivera, thread);
        assertEquals(List.of(Event.DRAFT_CHANGED, Event.DRAFT_CHANGED), told.stream().map(Event::type).toList(),
                "a discard with nothing left to discard tells nobody");
        assertTrue(told.get(0).facts().getBoolean("hasDraft"));
        assertEquals(saved.updatedAt().toString(), told.get(0).facts().getString("updatedAt"));
        assertFalse(told.get(1).facts().getBoolean("hasDraft"));
        assertTrue(told.get(1).facts().isNull("updatedAt"));
        assertTrue(told.stream().noneMatch(e -> e.facts().toString().contains("Homework")));
        assertEquals(List.of(), eventsAfter(alex, fromAlex, thread), "the other side hears nothing of it");
    }

    List<Event> eventsAfter(Identity reader, long from, String thread) {
        return events.after(reader, from).page().events().stream()
                .filter(e -> thread.equals(String.valueOf(e.conversationId())))
                .toList();
    }

    void send(Identity author, String thread, String html) {
        conversations.post(author, thread, UUID.randomUUID().toString(), html);
    }
}
