package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import jakarta.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A row with a draft shows the start of the reader's own draft ("Draft: …"), never the last message as if it
 * were the draft, and never another participant's draft of the same conversation: saved on another device
 * before signing in, typed here, or saved elsewhere while the list is open. Sending it brings the last
 * message back.
 */
@ExtendWith(WebApp.class)
class DraftPreviewIT {

    @Test
    void aRowWithADraftShowsTheReadersOwnDraftText(WebApp app) {
        var rivera = app.token("dr.rivera");
        var jordan = app.token("jordan.lee");
        var sam = app.conversationWith(rivera, "Sam Lee");
        var alex = app.conversationWith(rivera, "Alex Morgan");
        var mine = "Ask about the school meeting " + UUID.randomUUID();
        var theirs = "Unsent words of the guardian " + UUID.randomUUID();
        try (var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900)); var phone = app.phone()) {
            // Whatever another test left there (an unsent draft of its own) is not this test's.
            app.call(rivera, "DELETE", "conversations/" + alex + "/draft", null);
            saveDraft(app, rivera, sam, mine);
            saveDraft(app, jordan, sam, theirs);
            var lastMessage = app.json(rivera, "GET", "conversations/" + sam, null).getString("lastMessagePreview");

            var practitioner = app.signIn(desk, "dr.rivera");
            var samRow = practitioner.conversation("Sam Lee");
            assertThat(samRow.locator(".draft-tag")).hasText("Draft:");
            assertThat(samRow.locator(".preview")).hasText(mine);
            assertThat(samRow).not().containsText(lastMessage);
            assertThat(samRow).not().containsText(theirs);

            var typed = "Typed here and left " + UUID.randomUUID();
            practitioner.open("Alex Morgan");
            practitioner.editor().click();
            practitioner.page().keyboard().type(typed);
            practitioner.open("Casey Diaz");
            assertThat(practitioner.conversation("Alex Morgan").locator(".preview")).hasText(typed);

            var elsewhere = "Changed on the phone " + UUID.randomUUID();
            saveDraft(app, rivera, sam, elsewhere);
            assertThat(samRow.locator(".preview")).hasText(elsewhere);
            assertThat(samRow).hasAttribute("aria-label", java.util.regex.Pattern.compile("draft: " + elsewhere));
            WebApp.screenshot(practitioner.page(), "draft-preview-desktop");
            practitioner.page().setViewportSize(768, 900);
            assertThat(samRow.locator(".preview")).isVisible();
            WebApp.screenshot(practitioner.page(), "draft-preview-768");

            var guardian = app.signIn(phone, "jordan.lee");
            guardian.page().locator(".thread .back").click();
            var riveraRow = guardian.conversation("Dr. Maria Rivera");
            assertThat(riveraRow.locator(".preview")).hasText(theirs);
            assertThat(riveraRow).not().containsText(elsewhere);
            WebApp.screenshot(guardian.page(), "draft-preview-phone");

            practitioner.page().setViewportSize(1366, 900);
            practitioner.open("Alex Morgan");
            assertThat(practitioner.editor()).hasText(typed);
            practitioner.page().locator("button.send").click();
            var alexRow = practitioner.conversation("Alex Morgan");
            assertThat(alexRow.locator(".draft-tag")).hasCount(0);
            assertThat(alexRow.locator(".preview")).hasText(typed);
            practitioner.assertNothingStored();
            guardian.assertNothingStored();
        } finally {
            app.call(rivera, "DELETE", "conversations/" + sam + "/draft", null);
            app.call(jordan, "DELETE", "conversations/" + sam + "/draft", null);
            app.call(rivera, "DELETE", "conversations/" + alex + "/draft", null);
        }
    }

    /** Saves a draft through the API, as another device of that person would. */
    static void saveDraft(WebApp app, String token, String conversation, String text) {
        app.json(token, "PUT", "conversations/" + conversation + "/draft",
                Json.createObjectBuilder().add("html", "<p>" + text + "</p>").build().toString());
    }
}
