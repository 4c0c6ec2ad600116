-- Announcements (issue 6, point 9; Upheal's "bulk messages to several clients at once"): a practitioner
-- writes once and each chosen client gets it as a message in their one thread with that practitioner,
-- marked as an announcement. A block stops only what the client writes, so blocked clients receive them.
-- The id is chosen by the sender's app, like a message's clientMessageId: a retry finds the original.
CREATE TABLE announcement (
    id          uuid PRIMARY KEY,
    practice_id uuid NOT NULL REFERENCES practice(id),
    sender_id   uuid NOT NULL REFERENCES account(id),
    sent_at     timestamptz NOT NULL
);
CREATE INDEX announcement_sender ON announcement(sender_id, sent_at DESC);

-- Who was meant: each recipient either got a message or was skipped, with the reason (the client's
-- switch is off, the client was discharged). Kept so a retry answers exactly what the first call did.
CREATE TABLE announcement_recipient (
    announcement_id uuid NOT NULL REFERENCES announcement(id),
    client_id       uuid NOT NULL REFERENCES client(id),
    conversation_id uuid REFERENCES conversation(id),
    message_id      uuid REFERENCES message(id),
    skipped         text,
    PRIMARY KEY (announcement_id, client_id),
    CONSTRAINT announcement_recipient_outcome CHECK ((message_id IS NULL) <> (skipped IS NULL))
);

ALTER TABLE message ADD COLUMN announcement_id uuid REFERENCES announcement(id);
