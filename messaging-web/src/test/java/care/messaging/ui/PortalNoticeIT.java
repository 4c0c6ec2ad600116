package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's notice in its composer area and, where a client may not write, what they can do instead:
 * both worded by the practice's admin in Settings, reaching open portals live. Each test puts the practice's
 * texts (and whatever else it changed) back.
 */
@ExtendWith(WebApp.class)
class PortalNoticeIT {

    static final String DEFAULT_NOTICE = "Messages are not monitored around the clock. In an emergency call 911 or 988.";
    static final String NOTICE = "We reply within one working day. In an emergency call 911 or 988.";
    static final String PHONE = "555-0100";
    static final String CALL = "To reach Riverside Therapy, call " + PHONE + ".";

    @Test
    void theAdminWordsTheNoticeAndThePhoneNumberAndALockedClientIsToldWhomToCall(WebApp app) {
        var rivera = app.token("dr.rivera");
        var alexId = app.json(rivera, "GET", "conversations/" + app.conversationWith(rivera, "Alex Morgan"), null)
                .getJsonObject("counterpart").getString("id");
        // axe is injected as an inline script, which the app's CSP rightly refuses: these contexts bypass it.
        try (var desk = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(1366, 900));
             var phone = app.context(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(390, 844)
                     .setIsMobile(true).setHasTouch(true))) {
            var alex = app.signIn(phone, "alex.morgan");
            var note = alex.page().locator(".composer-note");
            assertThat(note).hasText(DEFAULT_NOTICE);
            assertThat(alex.page().locator("body")).not().containsText("not for emergencies");

            var park = app.signIn(desk, "admin.park");
            var settings = park.page();
            settings.locator("button.open-settings").click();
            var notice = settings.getByLabel("Notice under the message box");
            assertThat(notice).hasValue(DEFAULT_NOTICE);
            notice.fill("<b>Call us</b>");
            settings.locator("button.save-portal").click();
            var status = settings.locator("[aria-labelledby=portal-title] [role=status]");
            assertThat(status).containsText("Not saved: notice must be plain text");
            notice.fill(NOTICE);
            settings.getByLabel("Phone number for clients who cannot send messages").fill(PHONE);
            settings.locator("button.save-portal").click();
            assertThat(status).hasText("Saved. Clients see it in the portal now.");
            assertThat(note).hasText(NOTICE);
            AccessibilityIT.assertNoViolations(settings, "settings with the portal's texts");
            settings.locator("[aria-labelledby=portal-title]").scrollIntoViewIfNeeded();
            WebApp.screenshot(settings, "portal-texts-settings-desktop");
            settings.setViewportSize(390, 844);
            settings.locator("button.save-portal").scrollIntoViewIfNeeded();
            WebApp.screenshot(settings, "portal-texts-settings-phone");

            app.json(rivera, "PUT", "clients/" + alexId + "/preferences", "{\"messagingEnabled\":false}");
            var lock = alex.page().locator(".composer-locked");
            assertThat(lock).hasText(MessagingSettingsIT.CLIENT_OFF_FOR_THE_CLIENT + " " + CALL);
            assertThat(lock.locator("a.contact-phone")).hasAttribute("href", "tel:5550100");
            assertThat(alex.editor()).isHidden();
            assertEquals(Boolean.TRUE, noteIsOnTop(alex.page()), "nothing covers the notice");
            AccessibilityIT.assertNoViolations(alex.page(), "portal, locked");
            WebApp.screenshot(alex.page(), "portal-locked-phone");
            alex.page().setViewportSize(768, 1000);
            assertThat(lock).isVisible();
            WebApp.screenshot(alex.page(), "portal-locked-768");
            alex.page().setViewportSize(1366, 900);
            assertEquals(Boolean.TRUE, noteIsOnTop(alex.page()), "nothing covers the notice");
            WebApp.screenshot(alex.page(), "portal-locked-desktop");

            app.json(rivera, "PUT", "clients/" + alexId + "/preferences", "{\"messagingEnabled\":true}");
            app.json(rivera, "PUT", "me/blocks/" + alexId, "{}");
            assertThat(lock).hasText("You can't send messages in this conversation. You can still read it. " + CALL);
        } finally {
            app.call(rivera, "PUT", "clients/" + alexId + "/preferences", "{\"messagingEnabled\":true}");
            app.call(rivera, "DELETE", "me/blocks/" + alexId, null);
            resetPortalTexts(app);
        }
    }

    /** Sam Lee is Jordan's only child in care: discharged, the portal says it was closed instead of showing an empty page. */
    @Test
    void aGuardianWhoseOnlyChildWasDischargedIsToldThePracticeClosedTheirPortal(WebApp app) {
        try (var phone = app.phone(); var desk = app.context(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
            assertEquals(1, app.sql("UPDATE client SET enabled = false WHERE display_name = 'Sam Lee'"));
            for (var context : List.of(phone, desk)) {
                var page = context.newPage();
                page.navigate(app.base() + "portal/");
                page.locator("button.demo-user[data-username='jordan.lee']").click();
                assertThat(page.locator("main.refused h1")).hasText("Your practice has closed your portal access");
                assertThat(page.locator("main.refused")).containsText("please call your practice");
                assertThat(page.locator("main.refused")).not().containsText("Sam");
                assertThat(page.locator(".conversations")).hasCount(0);
                WebApp.screenshot(page, "portal-discharged-" + (context == phone ? "phone" : "desktop"));
            }
            app.sql("UPDATE client SET enabled = true WHERE display_name = 'Sam Lee'");
            var jordan = app.signIn(desk, "jordan.lee");
            assertThat(jordan.conversation("Dr. Maria Rivera")).isVisible();
        } finally {
            app.sql("UPDATE client SET enabled = true WHERE display_name = 'Sam Lee'");
        }
    }

    static Object noteIsOnTop(Page page) {
        return page.evaluate("""
                () => { const note = document.querySelector('.composer-note'); const r = note.getBoundingClientRect();
                        return note.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)); }""");
    }

    static void resetPortalTexts(WebApp app) {
        app.call(app.token("admin.park"), "PUT", "admin/practice/messaging/portal", "{\"notice\":null,\"phone\":null}");
    }
}
