-- Every account's event stream: what it must see (a message created, a receipt, a conversation's unread
-- count, presence), appended in the same transaction as the change. cursor is strictly increasing per
-- account and handed out under the stream row's lock, so one account's events commit in cursor order:
-- a reader that has seen cursor n never misses an event that commits later with a lower number.
-- Events carry ids and small facts, never message text.
CREATE TABLE event_stream (
    account_id       uuid PRIMARY KEY REFERENCES account(id),
    last_cursor      bigint NOT NULL DEFAULT 0,
    -- Events up to here were trimmed; a reader whose cursor is older must reload its state (resync).
    trimmed_through  bigint NOT NULL DEFAULT 0,
    CHECK (trimmed_through <= last_cursor)
);

CREATE TABLE event (
    account_id       uuid NOT NULL REFERENCES event_stream(account_id),
    cursor           bigint NOT NULL,
    type             text NOT NULL,
    conversation_id  uuid,
    message_id       uuid,
    seq              bigint,
    facts            jsonb,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (account_id, cursor)
);
CREATE INDEX event_created ON event (created_at);
