-- Message search over encrypted bodies: a blind index. For every word of a message, and every prefix of
-- three letters or more (words capped at 32 letters), the HMAC-SHA256 of the normalized term under the
-- practice's own index key (derived from the keystore's index-mac, never stored here), truncated to 16
-- bytes. No plaintext: without the key a term cannot be computed or guessed. What the table still reveals
-- to someone holding the database is in README ("What the search index reveals").
-- The key is (term, sent_at, message_id): a lookup reads one term's messages newest first, and a
-- multi-word query checks each further word with a key lookup.
CREATE TABLE search_term (
    term             bytea NOT NULL CHECK (length(term) = 16),
    sent_at          timestamptz NOT NULL,
    message_id       uuid NOT NULL,
    conversation_id  uuid NOT NULL,
    PRIMARY KEY (term, sent_at, message_id)
);
-- Forgetting a message (deletion, re-indexing) removes its terms.
CREATE INDEX search_term_message ON search_term (message_id);

-- Which messages are indexed, and under which index key (eight bytes of an HMAC that name the key, not
-- the key): messages stored before search existed have no row, and after the key is replaced the rows
-- name the old one; the backfill indexes both kinds again (README, "Search").
CREATE TABLE search_indexed (
    message_id  uuid PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
    key_check   bytea NOT NULL
);
