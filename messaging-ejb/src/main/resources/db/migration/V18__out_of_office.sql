-- Out-of-office (issue 17): a practitioner is away for a period; while it is active a client who writes gets
-- the period's reply once per thread. Start and end are instants (timestamptz), and the zone they were set in
-- is kept, so the app can show the wall times the practitioner chose and say how a DST gap or overlap was
-- resolved. ends_at null: an open end. set_by: the practitioner themself or the admin who configured it.
-- The reply is sanitized HTML sealed like a message body (reply + reply_key, bound to table, column and row),
-- listed in EncryptedColumn so rotation and re-encryption cover it.
-- state: what the timers last announced (planned, active, ended); the reply itself goes by the times.
-- Overlaps of one practitioner's periods are refused by the app under the account's row lock.
CREATE TABLE absence (
    id          uuid PRIMARY KEY,
    practice_id uuid NOT NULL REFERENCES practice(id),
    account_id  uuid NOT NULL REFERENCES account(id),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz,
    zone        text NOT NULL CHECK (length(zone) BETWEEN 1 AND 100),
    reply       bytea NOT NULL,
    reply_key   integer NOT NULL,
    colleagues  boolean NOT NULL DEFAULT false,
    set_by      uuid NOT NULL REFERENCES account(id),
    updated_at  timestamptz NOT NULL,
    state       text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'active', 'ended')),
    CONSTRAINT absence_range CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX absence_account ON absence(account_id, starts_at);
CREATE INDEX absence_practice ON absence(practice_id, starts_at);
-- What the timers still have to turn on or off.
CREATE INDEX absence_pending ON absence(starts_at) WHERE state <> 'ended';

-- A message that was an automatic reply (apps label it "Automatic reply").
ALTER TABLE message ADD COLUMN automatic_reply boolean NOT NULL DEFAULT false;

-- One automatic reply per thread per period: the primary key makes a second one impossible, whatever
-- retries, threads or nodes race for it (the second INSERT … ON CONFLICT DO NOTHING inserts nothing).
CREATE TABLE absence_reply (
    absence_id      uuid NOT NULL REFERENCES absence(id) ON DELETE CASCADE,
    conversation_id uuid NOT NULL REFERENCES conversation(id),
    message_id      uuid NOT NULL REFERENCES message(id),
    replied_at      timestamptz NOT NULL,
    PRIMARY KEY (absence_id, conversation_id)
);
