package care.messaging.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** The practitioner app or the client portal in one browser page, as a user sees and works it. */
public final class AppPage {

    final Page page;

    private AppPage(Page page) {
        this.page = page;
    }

    static AppPage signIn(Page page, String base, String username, boolean portal) {
        page.navigate(portal ? base + "portal/" : base);
        page.locator("button.demo-user[data-username='" + username + "']").click();
        var app = new AppPage(page);
        app.awaitReady();
        return app;
    }

    static AppPage of(Page page) {
        return new AppPage(page);
    }

    void awaitReady() {
        assertThat(page.locator("body[data-ready='true']")).hasCount(1);
    }

    public Page page() {
        return page;
    }

    /** The row of the conversation with this counterpart. */
    public Locator conversation(String counterpart) {
        return page.locator("button.conversation:has(.name:text-is('" + counterpart.replace("'", "\\'") + "'))");
    }

    public Locator badge(String counterpart) {
        return conversation(counterpart).locator(".badge");
    }

    public Locator totalBadge() {
        return page.locator(".nav-inbox .badge");
    }

    public AppPage open(String counterpart) {
        conversation(counterpart).click();
        assertThat(page.locator("#thread-title")).hasText(counterpart);
        return this;
    }

    public Locator threadTitle() {
        return page.locator("#thread-title");
    }

    public Locator messages() {
        return page.locator("ol.messages li.message");
    }

    /** The messages whose text contains this. */
    public Locator message(String text) {
        return messages().filter(new Locator.FilterOptions().setHasText(text));
    }

    public Locator editor() {
        return page.locator(".composer .ql-editor");
    }

    /** Types into the composer and sends with Ctrl+Enter. */
    public void send(String text) {
        editor().click();
        page.keyboard().type(text);
        page.keyboard().press("Control+Enter");
    }

    /**
     * Opens the client's settings from the thread header: its button where the header has room, the "⋯"
     * menu's item where it does not.
     */
    public void openClientSettings() {
        var button = page.locator("button.client-settings");
        page.locator("button.client-settings:visible, .thread-menu:visible").first().waitFor();
        if (button.isVisible()) {
            button.click();
            return;
        }
        page.locator(".thread-menu").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.MENUITEM,
                new Page.GetByRoleOptions().setName("Client settings")).click();
    }

    public Locator connection() {
        return page.locator(".connection");
    }

    /** Whatever the app keeps in the browser's storage: nothing at all is allowed. */
    public void assertNothingStored() {
        @SuppressWarnings("unchecked")
        var stored = (List<Object>) page.evaluate("() => [localStorage.length, sessionStorage.length]");
        assertEquals(List.of(0, 0), stored, "localStorage and sessionStorage hold nothing");
    }
}
