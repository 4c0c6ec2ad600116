package care.messaging.conversation.control;

import care.messaging.platform.entity.ShownText;
import care.messaging.conversation.entity.SanitizedHtml;
import care.messaging.platform.entity.DomainException;
import care.messaging.platform.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one allowlist for message HTML: bold, italic, underline, headings, lists, links (http, https,
 * mailto; rel=noopener), paragraphs, line breaks, blockquote, code. Anything else is dropped, and the
 * contents of script and style go with it, so nothing turns into visible markup junk.
 */
@ApplicationScoped
public class RichText {

    static final int PREVIEW_LENGTH = 100;

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "u", "h1", "h2", "h3", "h4", "h5", "h6",
                    "ol", "ul", "li", "blockquote", "code", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener")
            .toFactory();

    int maxLength;

    @Inject
    RichText(@ConfigProperty(name = "conversation.max-length", defaultValue = "20000") int maxLength) {
        this.maxLength = maxLength;
    }

    RichText() {
        this(20000);
    }

    public SanitizedHtml sanitize(String html) {
        return draft(html).orElseThrow(() -> new DomainException(ProblemType.EMPTY_MESSAGE, "The message is empty"));
    }

    /**
     * A draft goes through the same allowlist and limit as a message, but may be empty: an empty draft
     * (nothing visible left after sanitizing) is no draft.
     */
    public Optional<SanitizedHtml> draft(String html) {
        if (html == null || html.isBlank()) {
            return Optional.empty();
        }
        var clean = POLICY.sanitize(ShownText.clean(html));
        if (clean.length() > maxLength) {
            throw new DomainException(ProblemType.MESSAGE_TOO_LONG, "The message is longer than " + maxLength + " characters");
        }
        var text = Jsoup.parse(clean).text().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(new SanitizedHtml(clean, preview(text)));
    }

    static String preview(String text) {
        var oneLine = text.replaceAll("\\s+", " ");
        if (oneLine.length() <= PREVIEW_LENGTH) {
            return oneLine;
        }
        var cut = oneLine.lastIndexOf(' ', PREVIEW_LENGTH - 1);
        return oneLine.substring(0, cut > PREVIEW_LENGTH / 2 ? cut : PREVIEW_LENGTH - 1) + "…";
    }
}
