package care.messaging.audit.entity;

/**
 * What an audit row records. The codes are what IT sees in exports and must never change meaning;
 * new features add theirs here, so this list is the catalogue of audited actions.
 */
public enum Action {
    CONVERSATION_LIST("conversation.list"),
    CONVERSATION_START("conversation.start"),
    /** Reading a conversation's messages. */
    CONVERSATION_READ("conversation.read"),
    CONVERSATION_MARK_READ("conversation.mark-read"),
    MESSAGE_CREATE("message.create"),
    /** A sender deleted their message (its body is erased); a repeat is outcome replayed. */
    MESSAGE_DELETE("message.delete"),
    /** One recipient's copy of an announcement was sent (target: that client's conversation and message); a retry is replayed. */
    ANNOUNCEMENT_SEND("announcement.send"),
    /**
     * One recipient's copy of an admin's announcement on behalf of the practice was sent: the admin is the actor, in the
     * practice's chain; the target is the client's thread with a practitioner, and the copy.
     */
    ANNOUNCEMENT_SEND_FOR_PRACTICE("announcement.send-for-practice"),
    /** A practitioner listed the announcements they sent. */
    ANNOUNCEMENT_LIST("announcement.list"),
    /** A sender read one announcement's progress and recipients. */
    ANNOUNCEMENT_READ("announcement.read"),
    /** A sender changed the text or start of a scheduled announcement. */
    ANNOUNCEMENT_EDIT("announcement.edit"),
    /** A sender cancelled a scheduled or running announcement (what was delivered stays). */
    ANNOUNCEMENT_CANCEL("announcement.cancel"),
    /** A sender asked how many of an audience an announcement would reach and why the others would be skipped. */
    ANNOUNCEMENT_PREVIEW("announcement.preview"),
    /** A participant marked a conversation unread for themself. */
    CONVERSATION_MARK_UNREAD("conversation.mark-unread"),
    CONVERSATION_ARCHIVE("conversation.archive"),
    CONVERSATION_UNARCHIVE("conversation.unarchive"),
    /** Reading one's draft of a conversation (it is PHI, like a message). */
    DRAFT_READ("draft.read"),
    /** Saving one's draft (an empty one removes it). */
    DRAFT_SAVE("draft.save"),
    DRAFT_DELETE("draft.delete"),
    ACCOUNT_ME("account.me"),
    /** An admin opened a conversation they are not part of ("break-glass"). */
    EMERGENCY_GRANT("emergency.grant"),
    /** A read of a conversation's messages under emergency access. */
    EMERGENCY_READ("emergency.read"),
    EMERGENCY_LIST("emergency.list"),
    /** An admin listed the practice's conversations (names, no content). */
    PRACTICE_CONVERSATIONS("practice.conversations"),
    /** A search of the caller's messages; the row never holds the search terms (PHI). */
    SEARCH_MESSAGES("search.messages"),
    /** A search of the caller's conversations by name; without the terms. */
    SEARCH_CONVERSATIONS("search.conversations"),
    /** Reading one's event stream; only refusals are recorded (events hold no PHI). */
    EVENTS_READ("events.read"),
    /** A one-time ticket to open the WebSocket was handed out (browsers cannot send the token on the handshake). */
    REALTIME_TICKET("realtime.ticket"),
    /** A WebSocket was opened, with a ticket or a bearer token; refused handshakes are access.denied rows. */
    REALTIME_CONNECT("realtime.connect"),
    KEYS_STATUS("keys.status"),
    KEYS_ROTATE("keys.rotate"),
    KEYS_RETIRE("keys.retire"),
    AUDIT_VERIFY("audit.verify"),
    AUDIT_EXPORT("audit.export"),
    /** A member looked clients of the practice up by name (the query itself is never stored). */
    CLIENT_SEARCH("client.search"),
    /** Someone of the practice listed its practitioners' messaging names; only refusals are recorded. */
    PRACTITIONER_LIST("practitioner.list"),
    /** An admin read the practice's messaging setup (its switch, the practitioners' messaging names). */
    PRACTICE_MESSAGING_READ("practice.messaging.read"),
    /** An admin switched messaging on or off for the whole practice. */
    PRACTICE_MESSAGING_UPDATE("practice.messaging.update"),
    /** An admin set what the portal tells the practice's clients: its notice, the phone number to call instead. */
    PRACTICE_PORTAL_UPDATE("practice.portal.update"),
    /** A practitioner's messaging name was set or cleared, by themself or by an admin (target: the practitioner). */
    MESSAGING_NAME_UPDATE("messaging-name.update"),
    CLIENT_PREFERENCES_READ("client.preferences.read"),
    /** A practitioner or admin switched messaging on or off for one client. */
    CLIENT_PREFERENCES_UPDATE("client.preferences.update"),
    /** A practitioner's block list was read (target account: the practitioner). */
    BLOCK_LIST("block.list"),
    BLOCK_ADD("block.add"),
    BLOCK_REMOVE("block.remove"),
    /** An admin listed a client's portal accounts (the client's own, guardians'). */
    PORTAL_ACCOUNTS_LIST("portal.accounts.list"),
    /** An admin linked an identity provider subject to a portal account that had not signed up. */
    PORTAL_ACTIVATE("portal.activate"),
    /** An admin invited an account that has not signed up (target account: it); a re-send revokes the earlier one in the same row. */
    INVITATION_CREATE("invitation.create"),
    /** An admin looked at an account's open invitation; only refusals are recorded (it holds no code). */
    INVITATION_READ("invitation.read"),
    /** An admin withdrew an account's open invitation. */
    INVITATION_REVOKE("invitation.revoke"),
    /**
     * A person redeemed an invitation: their provider subject is bound to the account (actor: that account). A refused
     * redemption is an access.denied row with this attempted action and the reason (expired, revoked, used, unknown …).
     */
    INVITATION_REDEEM("invitation.redeem"),
    /**
     * A first sign-in without a code bound the provider subject to the one prepared account with the token's verified
     * e-mail or mapped claim (actor and target: that account; the row never holds the e-mail or the claim's value).
     */
    SIGN_IN_BIND("sign-in.bind"),
    /** An admin listed the practice's members (practitioners and admins); only refusals are recorded (no PHI). */
    MEMBER_LIST("member.list"),
    /** An admin added a practitioner or an admin to the practice (target account: the new member). */
    MEMBER_ADD("member.add"),
    /** An admin switched a member off: their tokens are refused from their next request (target account: the member). */
    MEMBER_DISABLE("member.disable"),
    MEMBER_ENABLE("member.enable"),
    /** An admin added a client with their portal accounts (target client; by hand or one row per line of an import). */
    CLIENT_ADD("client.add"),
    /** An admin looked at a client's record (date of birth, portal accounts). */
    CLIENT_READ("client.read"),
    /** An admin added a guardian (a co-guardian) to a minor (target: the client and the guardian's account). */
    GUARDIAN_ADD("guardian.add"),
    /** An admin discharged a client: their portal accounts no longer act for them; their threads stay readable to the practice. */
    CLIENT_DISCHARGE("client.discharge"),
    CLIENT_READMIT("client.readmit"),
    /** An admin imported a CSV of clients (or previewed one: only refusals); each client created has its client.add row too. */
    CLIENT_IMPORT("client.import"),
    /** Hospital IT listed the practices (names and counts, no people); in the chain of no practice. */
    PRACTICE_LIST("practice.list"),
    /**
     * Hospital IT founded a practice with its first admin (target account: that admin, whose practice is the new one);
     * in the chain of no practice, followed by the invitation.create row of the admin's invitation.
     */
    PRACTICE_CREATE("practice.create"),
    /**
     * A practitioner or client uploaded a file (not yet sent with a message; the row names no file until then:
     * audit rows have no attachment column). A file with malware is refused as an access.denied row with this
     * attempted action and the reason attachment-infected, which survives the upload's rollback.
     */
    ATTACHMENT_UPLOAD("attachment.upload"),
    /** A file's bytes were handed out (its uploader, for now). */
    ATTACHMENT_DOWNLOAD("attachment.download"),
    /**
     * A file held as scanning (the scanner was out of reach at its upload) was scanned again: success when it is
     * clean now, denied (a security event, in the uploader's name) when malware was found and the file was removed.
     */
    ATTACHMENT_RESCAN("attachment.rescan"),
    /** An out-of-office period was set for a practitioner, by themself or by an admin (target account: the practitioner). */
    OUT_OF_OFFICE_SET("out-of-office.set"),
    OUT_OF_OFFICE_CHANGE("out-of-office.change"),
    OUT_OF_OFFICE_DELETE("out-of-office.delete"),
    /** A practitioner read their periods, or an admin the team's (target account: the practitioner, or none for the team). */
    OUT_OF_OFFICE_LIST("out-of-office.list"),
    /**
     * A client's message got the away practitioner's automatic reply (actor: the practitioner, on whose behalf it
     * went; target: the conversation and the reply).
     */
    MESSAGE_AUTO_REPLY("message.auto-reply"),
    /** A caller was refused; the row's attempted action says what they tried. */
    ACCESS_DENIED("access.denied"),
    /** A bearer token was refused: by the server's MP-JWT check, or because its subject cannot act. */
    TOKEN_REJECTED("token.rejected"),
    /**
     * How many more credentials one source had refused in one minute beyond the per-source budget, which
     * got no row of their own; the reason reads {@code <reason>:<count>}.
     */
    TOKEN_REJECTED_REPEATS("token.rejected.repeats");

    private final String code;

    Action(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
