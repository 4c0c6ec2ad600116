package care.messaging.dev.boundary;

import care.messaging.announcement.control.AnnouncementQueue;
import care.messaging.conversation.control.AnnouncementCopies;
import care.messaging.conversation.control.Bodies;
import care.messaging.conversation.control.ConversationStarts;
import care.messaging.conversation.control.ParticipantStates;
import care.messaging.conversation.control.Participation;
import care.messaging.conversation.control.ReadMarkers;
import care.messaging.conversation.control.RichText;
import care.messaging.conversation.entity.Conversation;
import care.messaging.directory.entity.Account;
import care.messaging.directory.entity.Client;
import care.messaging.directory.entity.ClientAccount;
import care.messaging.directory.entity.ClientAccount.Relationship;
import care.messaging.directory.entity.Practice;
import care.messaging.directory.entity.Role;
import care.messaging.search.control.SearchIndex;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo practices once, so the app looks like a practice in use: clients with a history, a guardian
 * writing for a minor, a client who has not signed up, a colleague thread, an announcement, a finished
 * client's archived thread, and a second practice that must never show. Every person is fictional. A
 * database that already has them is left as it is.
 */
@Startup
@Singleton
@DependsOn({"SchemaMigration", "KeyCheck"})
public class DemoData {

    private static final System.Logger LOGGER = System.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "messaging.demo.data", defaultValue = "false")
    boolean enabled;
    @PersistenceContext
    EntityManager em;
    @Inject
    ConversationStarts starts;
    @Inject
    Participation participation;
    @Inject
    ReadMarkers readMarkers;
    @Inject
    RichText richText;
    @Inject
    Bodies bodies;
    @Inject
    SearchIndex searchIndex;
    @Inject
    ParticipantStates states;
    @Inject
    AnnouncementCopies copies;
    @Inject
    AnnouncementQueue announcements;
    @Inject
    Clock clock;

    @PostConstruct
    void seed() {
        if (!enabled || !em.createNativeQuery("SELECT 1 FROM account WHERE username = 'dr.rivera'").getResultList().isEmpty()) {
            return;
        }
        var riverside = persist(new Practice("Riverside Therapy")).id();
        var rivera = member(riverside, "dr.rivera", Role.PRACTITIONER, "Dr. Maria Rivera");
        var chen = member(riverside, "dr.chen", Role.PRACTITIONER, "Dr. Wei Chen");
        member(riverside, "admin.park", Role.ADMIN, "Jin Park");
        member(Practice.NONE, "it.ops", Role.OPERATOR, "Taylor Reed (hospital IT)");
        var alex = client(riverside, "Alex Morgan", false);
        var alexAccount = portal(riverside, "alex.morgan", "Alex Morgan", alex, Relationship.self, true);
        var sam = client(riverside, "Sam Lee", true);
        var jordan = portal(riverside, "jordan.lee", "Jordan Lee", sam, Relationship.guardian, true);
        var casey = client(riverside, "Casey Diaz", false);
        portal(riverside, "casey.diaz", "Casey Diaz", casey, Relationship.self, false);
        var priya = client(riverside, "Priya Nair", false);
        var priyaAccount = portal(riverside, "priya.nair", "Priya Nair", priya, Relationship.self, true);
        var marcus = client(riverside, "Marcus Bell", false);
        var marcusAccount = portal(riverside, "marcus.bell", "Marcus Bell", marcus, Relationship.self, true);
        var elena = client(riverside, "Elena Soto", false);
        var elenaAccount = portal(riverside, "elena.soto", "Elena Soto", elena, Relationship.self, true);
        // New in care: signed up, and no conversation yet (the first one a practitioner opens is empty).
        var quinn = client(riverside, "Quinn Avery", false);
        portal(riverside, "quinn.avery", "Quinn Avery", quinn, Relationship.self, true);

        var lakeside = persist(new Practice("Lakeside Counseling")).id();
        var okafor = member(lakeside, "dr.okafor", Role.PRACTITIONER, "Dr. Ngozi Okafor");
        var robin = client(lakeside, "Robin Hale", false);
        var robinAccount = portal(lakeside, "robin.hale", "Robin Hale", robin, Relationship.self, true);

        var withAlex = conversation(rivera, alex, Duration.ofDays(3));
        say(withAlex, rivera, 72, "<p>Hi Alex, this is Dr. Rivera. You can reach me here between sessions.</p>");
        say(withAlex, alexAccount, 70, "<p>Thanks! Is it okay to move Thursday's session to <b>4 pm</b>?</p>");
        say(withAlex, rivera, 69, "<p>Yes, 4 pm Thursday works. See you then.</p>");
        read(withAlex, alexAccount, 68);
        say(withAlex, alexAccount, 26, "<p>The breathing exercise helped this week, <i>especially</i> before work.</p>");
        read(withAlex, rivera, 25);
        say(withAlex, rivera, 24, "<p>Great to hear. Try the <u>5-4-3-2-1</u> grounding exercise too:</p>"
                + "<ol><li>5 things you see</li><li>4 things you feel</li><li>3 things you hear</li></ol>");

        var withSam = conversation(rivera, sam, Duration.ofDays(2));
        say(withSam, jordan, 48, "<p>Hello Dr. Rivera, Sam had a hard week at school. Can we talk about it on Monday?</p>");
        say(withSam, rivera, 47, "<p>Of course. Thank you for letting me know; we'll start there on Monday.</p>");
        read(withSam, jordan, 46);

        var withCasey = conversation(rivera, casey, Duration.ofDays(1));
        say(withCasey, rivera, 20, "<p>Welcome to Riverside Therapy, Casey. Your intake forms are ready in the portal.</p>");

        var withPriya = conversation(rivera, priya, Duration.ofDays(9));
        say(withPriya, priyaAccount, 200, "<p>Hi Dr. Rivera, I tried the wind-down routine for a week.</p>");
        say(withPriya, rivera, 198, "<p>Thank you for trying it. What did you notice on the nights it worked?</p>");
        say(withPriya, priyaAccount, 150, "<p>Putting the phone in the kitchen helped most. I still wake up around 3 am.</p>");
        say(withPriya, rivera, 149, "<p>That is common at first. Keep the sleep diary and we will look at it together on Wednesday.</p>");
        read(withPriya, priyaAccount, 140);

        var withMarcus = conversation(rivera, marcus, Duration.ofDays(6));
        say(withMarcus, marcusAccount, 120, "<p>Could we move next Tuesday to the afternoon? I have a work training in the morning.</p>");
        say(withMarcus, rivera, 118, "<p>Tuesday at 2:30 pm is open. Shall I book it?</p>");
        say(withMarcus, marcusAccount, 117, "<p>Yes please, 2:30 works.</p>");
        say(withMarcus, rivera, 116, "<p>Booked. You will get the usual reminder the day before.</p>");
        read(withMarcus, marcusAccount, 115);
        read(withMarcus, rivera, 115);

        var withElena = conversation(rivera, elena, Duration.ofDays(60));
        say(withElena, rivera, 1400, "<p>Elena, it was good to finish our work together. The portal stays open if you want to check in.</p>");
        say(withElena, elenaAccount, 1390, "<p>Thank you for everything, Dr. Rivera.</p>");
        read(withElena, rivera, 1389);
        states.archive(withElena, rivera, now(Duration.ofHours(1388)));

        var colleagues = colleague(rivera, chen, Duration.ofDays(4));
        say(colleagues, rivera, 90, "<p>Wei, could you take the Thursday 3 pm intake? I am at the training that afternoon.</p>");
        say(colleagues, chen, 88, "<p>Yes, happy to. Send me the referral notes through the usual route.</p>");
        say(colleagues, rivera, 87, "<p>Thanks, done.</p>");
        read(colleagues, chen, 86);
        read(colleagues, rivera, 86);

        announce(rivera, 30, "<p>The office is closed on Monday for the public holiday. Messages sent that day "
                + "will be answered on Tuesday.</p>", sam, priya, marcus);
        // Written after the announcement, as it came after it: a thread's order is its seq.
        say(withPriya, priyaAccount, 5, "<p>Sleep diary is filled in for the week. See you Wednesday!</p>");

        var withRobin = conversation(okafor, robin, Duration.ofDays(1));
        say(withRobin, robinAccount, 10, "<p>Could you send the worksheet we discussed?</p>");
        say(withRobin, okafor, 9, "<p>Here it is: <a href=\"https://example.org/worksheet\">thought record worksheet</a>.</p>");
        LOGGER.log(System.Logger.Level.INFO, "Demo data loaded");
    }

    /** Flushed at once: the entities hold ids, not relationships, so JPA cannot order the inserts itself. */
    <T> T persist(T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }

    Account member(UUID practice, String username, Role role, String name) {
        var account = new Account(practice, username, role, name);
        account.signUp(username, now(Duration.ofDays(30)));
        return persist(account);
    }

    Client client(UUID practice, String name, boolean minor) {
        return persist(new Client(practice, name, minor));
    }

    Account portal(UUID practice, String username, String name, Client client, Relationship relationship, boolean signedUp) {
        var account = new Account(practice, username, Role.CLIENT, name);
        if (signedUp) {
            account.signUp(username, now(Duration.ofDays(20)));
        }
        persist(account);
        persist(new ClientAccount(client.id(), account.id(), relationship));
        return account;
    }

    Conversation colleague(Account practitioner, Account colleague, Duration ago) {
        em.flush();
        var started = starts.startColleague(practitioner, colleague.id().toString(), now(ago));
        return em.find(Conversation.class, started.id());
    }

    /** One text to several clients, logged as the announcement boundary logs it; each copy is a message. */
    void announce(Account sender, int hoursAgo, String html, Client... clients) {
        var id = UUID.randomUUID();
        var at = now(Duration.ofHours(hoursAgo));
        var body = richText.sanitize(html);
        announcements.openDelivered(id, sender.practiceId(), sender.id(), at);
        announcements.addChosen(id, java.util.Arrays.stream(clients).map(Client::id).sorted().toList());
        for (var client : clients) {
            var copy = copies.write(sender, id, client, body, at);
            announcements.delivered(id, client.id(), copy.conversationId(), copy.messageId());
        }
        em.flush();
    }

    Conversation conversation(Account practitioner, Client client, Duration ago) {
        em.flush();
        var started = starts.start(practitioner, client.id().toString(), now(ago));
        return em.find(Conversation.class, started.id());
    }

    void say(Conversation conversation, Account author, int hoursAgo, String html) {
        var body = richText.sanitize(html);
        var message = bodies.post(conversation, participation.authorFor(author, conversation), UUID.randomUUID(),
                body, now(Duration.ofHours(hoursAgo)));
        em.persist(message);
        em.flush();
        searchIndex.index(conversation, message, body.html());
    }

    void read(Conversation conversation, Account reader, int hoursAgo) {
        readMarkers.advance(conversation, reader, conversation.lastSeq(), now(Duration.ofHours(hoursAgo)));
    }

    OffsetDateTime now(Duration ago) {
        return OffsetDateTime.now(clock).minus(ago);
    }
}
