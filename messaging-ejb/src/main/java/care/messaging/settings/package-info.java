/**
 * Messaging setup, the use cases that change who may write to whom: the practice's switch, practitioners'
 * names for messaging, each client's switch (their preferences), practitioners' block lists, the
 * activation of portal accounts that had not signed up, and what the portal tells the practice's clients
 * (a notice in its composer area, the phone number to call instead). The settings live in the directory's tables;
 * this component changes them, audits each change, and tells open apps (events) in the same transaction.
 * <p>
 * Decisions: a setting only ever stops writing, never reading; the rules that apply it sit in
 * conversation's SendingRules, read by every send and shown per conversation as {@code sending}, so the
 * apps never guess. Settings of another practice, and clients a practitioner has no conversation with
 * (for their preferences), do not exist for the caller (404). A practitioner who blocks a client may
 * still write to them; a not-signed-up client's messages wait until an admin links their identity. The
 * portal's texts are plain text validated here (the directory's Practice only stores them, as directory
 * may not depend on settings); a null notice is the default one, so a better default reaches every
 * practice that never worded its own.
 */
package care.messaging.settings;
