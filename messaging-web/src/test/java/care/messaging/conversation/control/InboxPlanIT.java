package care.messaging.conversation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox reads a page, not the practitioner's whole history: for a practitioner with thousands of
 * conversations, on both sides of colleague pairs, PostgreSQL reads about one page of conversation rows
 * per side (two ordered, limited index scans), first page or after a cursor. An OR over the two columns
 * (what the list once did) reads and sorts all of them, and fails here.
 */
@ExtendWith(ArquillianExtension.class)
public class InboxPlanIT {

    static final int CLIENTS = 3_000;
    static final int COLLEAGUES = 60;
    static final int PAGE = 50;

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/messaging.war"))
                .addClasses(InboxPlanIT.class, InboxPlans.class, InboxPlans.Seeded.class, InboxPlans.Reads.class);
    }

    @Inject
    InboxPlans plans;

    @Test
    void aPageReadsAboutAPageOfConversationsPerSideNotAllOfThem() {
        var seeded = plans.seed(CLIENTS, COLLEAGUES);

        for (var afterCursor : new boolean[]{false, true}) {
            var reads = plans.page(seeded, PAGE, afterCursor);

            assertEquals(PAGE + 1, reads.answered(), "a full page and one more (whether there is a next page)");
            assertTrue(reads.conversationRows() <= 2 * (PAGE + 1),
                    (afterCursor ? "after a cursor" : "first page") + ": read " + reads.conversationRows()
                            + " conversation rows of " + (CLIENTS + COLLEAGUES));
        }
    }
}
