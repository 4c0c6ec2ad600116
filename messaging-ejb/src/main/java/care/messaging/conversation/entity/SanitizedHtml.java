package care.messaging.conversation.entity;

/** Message HTML that passed the allowlist, with its plain-text preview. */
public record SanitizedHtml(String html, String preview) {
}
