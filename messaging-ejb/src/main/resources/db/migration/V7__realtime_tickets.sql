-- One-time tickets that let a browser open the WebSocket (a browser cannot send Authorization on the
-- handshake). Only the SHA-256 of a ticket is stored, so a copy of this table opens no socket. A ticket
-- is redeemed by deleting its row, which makes it single use across nodes; token_expires_at is the exp
-- of the bearer token that asked for it: the socket closes then.
CREATE TABLE realtime_ticket (
    hash              bytea PRIMARY KEY CHECK (length(hash) = 32),
    account_id        uuid NOT NULL REFERENCES account(id),
    token_expires_at  timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL
);
CREATE INDEX realtime_ticket_expires ON realtime_ticket(expires_at);

-- Presence: an account is online while its last activity (an API call, an open socket) is under five
-- minutes old. last_seen_at is written at most once a minute per account. online is what the counterparts
-- were last told (by a presence event), so that exactly one node reports each change, whichever node
-- sees the activity or runs the sweep.
CREATE TABLE presence (
    account_id    uuid PRIMARY KEY REFERENCES account(id),
    last_seen_at  timestamptz NOT NULL,
    online        boolean NOT NULL DEFAULT false
);
-- The sweep looks only at accounts reported online.
CREATE INDEX presence_reported_online ON presence(last_seen_at) WHERE online;
