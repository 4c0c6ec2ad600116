-- Emergency access ("break-glass"): an admin opens a conversation of their practice that they are not
-- part of, for a stated reason, for a limited time. The reason is free text an admin typed and may name a
-- client, so it is encrypted like message bodies. Rows are never updated or deleted: the conversation's
-- practitioner sees every grant.
CREATE TABLE emergency_access (
    id               uuid PRIMARY KEY,
    practice_id      uuid NOT NULL REFERENCES practice(id),
    conversation_id  uuid NOT NULL REFERENCES conversation(id),
    admin_id         uuid NOT NULL REFERENCES account(id),
    reason           bytea NOT NULL,
    reason_key       integer NOT NULL,
    granted_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    CHECK (expires_at > granted_at)
);
CREATE INDEX emergency_access_conversation ON emergency_access(conversation_id, granted_at DESC);
CREATE INDEX emergency_access_admin ON emergency_access(admin_id, conversation_id, expires_at);
CREATE INDEX emergency_access_reason_key ON emergency_access(reason_key);
