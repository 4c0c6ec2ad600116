package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import jakarta.json.Json;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's away notice and the automatic reply, in Chromium: while Dr. Okafor is away, Robin Hale's portal says
 * so above the composer with the end in Robin's own time zone, and two messages from Robin get one reply, labelled
 * Automatic reply in the portal and in the practitioner's app; when the period is removed the notice goes, live.
 */
@ExtendWith(WebApp.class)
class OutOfOfficeNoticeIT {

    static final ZoneId PRACTITIONER = ZoneId.of("America/Chicago");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM, H:mm", Locale.ENGLISH);

    @Test
    void theClientSeesTheAwayNoticeInTheirZoneAndGetsOneAutomaticReplyForTwoMessages(WebApp app) {
        var okafor = app.token("dr.okafor");
        app.sql("DELETE FROM absence");
        var end = LocalDateTime.now(PRACTITIONER).plusDays(3).withHour(9).withMinute(0).withSecond(0).withNano(0);
        var body = Json.createObjectBuilder().add("startsAt", LocalDateTime.now(PRACTITIONER).minusHours(1).withNano(0).toString())
                .add("endsAt", end.toString()).add("timeZone", PRACTITIONER.getId())
                .add("html", "<p>I am away this week; Dr. Rivera covers urgent questions.</p>").build().toString();
        var period = app.json(okafor, "POST", "me/out-of-office", body).getString("id");
        var instant = end.atZone(PRACTITIONER).toInstant();
        try (var phone = app.context(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                     .setHasTouch(true).setTimezoneId("Europe/London").setBypassCSP(true));
             var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900).setTimezoneId("Asia/Tokyo"))) {
            var robin = app.signIn(phone, "robin.hale");
            var away = robin.page().locator(".thread-away");
            assertThat(away).hasText("Dr. Ngozi Okafor is away until " + SHOWN.format(instant.atZone(ZoneId.of("Europe/London"))));
            WebApp.screenshot(robin.page(), "portal-away-notice-phone");

            robin.send("Are you around this week?");
            assertThat(robin.message("Are you around this week?")).hasCount(1);
            robin.send("It is about the worksheet.");
            var second = robin.message("It is about the worksheet.");
            // Acknowledged (its reply, had there been one, commits with it and arrives in the same events).
            assertThat(second.locator(".status")).hasText(java.util.regex.Pattern.compile("^(Sent|Read .*)$"));
            var replies = robin.page().locator("li.message .automatic-reply-label");
            assertThat(replies).hasCount(1);
            assertThat(robin.message("Dr. Rivera covers urgent questions")).hasCount(1);
            assertEquals(1, app.messagesContaining(app.token("robin.hale"), app.conversationWith(app.token("robin.hale"), "Dr. Ngozi Okafor"),
                    "Dr. Rivera covers urgent questions").size(), "one reply for two messages");
            AccessibilityIT.assertNoViolations(robin.page(), "portal with the away notice and an automatic reply");
            WebApp.screenshot(robin.page(), "portal-automatic-reply-phone");

            var deskRobin = app.signIn(desk, "robin.hale");
            assertThat(deskRobin.page().locator(".thread-away"))
                    .hasText("Dr. Ngozi Okafor is away until " + SHOWN.format(instant.atZone(ZoneId.of("Asia/Tokyo"))));
            assertThat(deskRobin.page().locator("li.message .automatic-reply-label")).hasCount(1);
            WebApp.screenshot(deskRobin.page(), "portal-away-notice-desktop");

            var practitioner = app.signIn(desk.newPage(), "dr.okafor").open("Robin Hale");
            assertThat(practitioner.page().locator("li.message .automatic-reply-label")).hasCount(1);
            WebApp.screenshot(practitioner.page(), "practitioner-automatic-reply-desktop");

            app.call(okafor, "DELETE", "me/out-of-office/" + period, null);
            assertThat(away).isHidden();
        } finally {
            app.sql("DELETE FROM absence");
        }
    }
}
