-- Messaging settings (issue 6): the practice's switch, each client's switch, practitioners' names for
-- messaging and their block lists. What they decide is read where a message is sent
-- (Participation.authorFor) and shown per conversation as `sending`; they hold no message text.

-- Off: nobody of the practice can send; history stays readable.
ALTER TABLE practice ADD COLUMN messaging_enabled boolean NOT NULL DEFAULT true;

-- Off: the client's threads are locked for both sides (the client's portal accounts and the practitioners).
ALTER TABLE client ADD COLUMN messaging_enabled boolean NOT NULL DEFAULT true;

-- The name a practitioner sends under; null means their directory name. A message keeps the name it was
-- sent under (message.sender_name), so a change applies from then on.
ALTER TABLE account ADD COLUMN messaging_name text;
ALTER TABLE account ADD CONSTRAINT account_messaging_name_length
    CHECK (messaging_name IS NULL OR char_length(messaging_name) BETWEEN 1 AND 100);

-- A practitioner's block list: the blocked client (and so every portal account acting for them) cannot
-- write to that practitioner, but keeps reading the history.
CREATE TABLE block (
    practitioner_id  uuid NOT NULL REFERENCES account(id),
    client_id        uuid NOT NULL REFERENCES client(id),
    practice_id      uuid NOT NULL REFERENCES practice(id),
    blocked_at       timestamptz NOT NULL,
    PRIMARY KEY (practitioner_id, client_id)
);
CREATE INDEX block_client ON block(client_id);
