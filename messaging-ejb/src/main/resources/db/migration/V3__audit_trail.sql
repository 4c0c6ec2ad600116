-- The audit trail: append-only, one hash chain per practice (chain = the practice's id), and one chain
-- with the nil UUID for events that belong to no practice (a token whose subject has no account).
-- Each row's hash is an HMAC-SHA256, under a key the database never sees, over the row's canonical
-- encoding (every column except hash, prev_hash included), so an edited, deleted or forged row
-- breaks the chain. Never message text or names: targets are ids only.
CREATE TABLE audit_event (
    chain               uuid NOT NULL,
    no                  bigint NOT NULL CHECK (no > 0),
    at                  timestamptz NOT NULL,
    practice_id         uuid,
    actor_id            uuid,
    actor_role          text,
    -- The token's sub, kept only when it names no account (token.rejected); never a token itself.
    subject             text,
    action              text NOT NULL,
    -- For access.denied and token.rejected: what the caller tried to do.
    attempted_action    text,
    outcome             text NOT NULL,
    -- Why a denial happened: the problem type (not-found, wrong-role, expired, …).
    reason              text,
    conversation_id     uuid,
    message_id          uuid,
    client_id           uuid,
    subject_account_id  uuid,
    source_address      text,
    request_id          text,
    prev_hash           bytea NOT NULL,
    hash                bytea NOT NULL,
    PRIMARY KEY (chain, no),
    CHECK (chain = coalesce(practice_id, '00000000-0000-0000-0000-000000000000'))
);
-- Exports ask for a time range and an account or a client within one practice.
CREATE INDEX audit_event_actor ON audit_event (chain, actor_id, at);
CREATE INDEX audit_event_subject_account ON audit_event (chain, subject_account_id, at) WHERE subject_account_id IS NOT NULL;
CREATE INDEX audit_event_client ON audit_event (chain, client_id, at) WHERE client_id IS NOT NULL;
CREATE INDEX audit_event_at ON audit_event (chain, at);

-- The last row of each chain. Appends lock it (SELECT … FOR UPDATE), so they serialize per chain and
-- numbers stay gap-free; and because it says how long the chain is, deleting rows at the end of a
-- chain is detected too (the head says N, the table ends before N).
CREATE TABLE audit_head (
    chain      uuid PRIMARY KEY,
    last_no    bigint NOT NULL,
    last_hash  bytea NOT NULL
);
