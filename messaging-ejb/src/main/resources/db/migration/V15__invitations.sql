-- Invitations: how a person who has no subject yet (a client, a guardian, a new practitioner or admin)
-- binds their identity provider's `sub` to the account an admin prepared. Only the SHA-256 of the code
-- is stored, so a copy of this table redeems nothing; the code exists in clear only in the answer to the
-- admin who made it. An invitation is used up (redeemed_at), withdrawn (revoked_at) or runs out
-- (expires_at); re-sending revokes the live one first, so an account has at most one that is neither
-- revoked nor redeemed.
CREATE TABLE invitation (
    id           uuid PRIMARY KEY,
    practice_id  uuid NOT NULL REFERENCES practice(id),
    account_id   uuid NOT NULL REFERENCES account(id),
    code_hash    bytea NOT NULL UNIQUE CHECK (length(code_hash) = 32),
    created_by   uuid NOT NULL REFERENCES account(id),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    redeemed_at  timestamptz,
    CHECK (expires_at > created_at),
    CHECK (revoked_at IS NULL OR redeemed_at IS NULL)
);
CREATE UNIQUE INDEX invitation_open ON invitation(account_id) WHERE revoked_at IS NULL AND redeemed_at IS NULL;
