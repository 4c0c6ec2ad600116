-- What each participant keeps of a conversation for themself: whether they archived it, marked it
-- unread, and the message they are writing (the draft). One row per (conversation, account), created the
-- first time one of these is set. The draft is PHI and stored like message bodies: AES-256-GCM bound to
-- this row's id (key rotation, re-encryption and retirement walk it through its key column), never in clear.
-- draft_client_message_id is the clientMessageId the draft will be sent with, when the client names it:
-- a late autosave of a draft that was sent already is then ignored instead of bringing it back.
CREATE TABLE conversation_state (
    id                       uuid PRIMARY KEY,
    conversation_id          uuid NOT NULL REFERENCES conversation(id),
    account_id               uuid NOT NULL REFERENCES account(id),
    archived_at              timestamptz,
    marked_unread            boolean NOT NULL DEFAULT false,
    draft                    bytea,
    draft_key                integer,
    draft_client_message_id  uuid,
    draft_updated_at         timestamptz,
    UNIQUE (conversation_id, account_id),
    CONSTRAINT conversation_state_draft_has_key CHECK ((draft IS NULL) = (draft_key IS NULL)),
    CONSTRAINT conversation_state_draft_has_time CHECK ((draft IS NULL) = (draft_updated_at IS NULL)),
    CONSTRAINT conversation_state_draft_id_only_with_draft CHECK (draft IS NOT NULL OR draft_client_message_id IS NULL)
);
CREATE INDEX conversation_state_draft_key ON conversation_state(draft_key);

-- A sender may delete their message: the row stays (its seq keeps the order, receipts still point at it)
-- but its body is erased, ciphertext and key id alike; deleted_at says when. Nothing else holds the text.
ALTER TABLE message ALTER COLUMN body DROP NOT NULL;
ALTER TABLE message ALTER COLUMN body_key DROP NOT NULL;
ALTER TABLE message ADD COLUMN deleted_at timestamptz;
ALTER TABLE message ADD CONSTRAINT message_body_erased_only_when_deleted
    CHECK ((body IS NULL) = (deleted_at IS NOT NULL) AND (body IS NULL) = (body_key IS NULL));
