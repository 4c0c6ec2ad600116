-- Attachments, first part: a file's row and its bytes. The bytes are Tink streaming AEAD ciphertext
-- (AES-GCM-HKDF, segment by segment) under the data key named by key_id, bound to the row id by the
-- associated data; they are split into chunks so that neither the writer nor the reader ever holds a whole
-- file. conversation_id and message_id stay empty until the file is sent with a message (not built yet).
-- display_name is what people see (sanitised), sealed like message bodies because names of files carry PHI;
-- the server stores and serves nothing under it.
CREATE TABLE attachment (
    id                uuid PRIMARY KEY,
    practice_id       uuid NOT NULL REFERENCES practice(id),
    uploader_id       uuid NOT NULL REFERENCES account(id),
    conversation_id   uuid REFERENCES conversation(id),
    message_id        uuid REFERENCES message(id),
    state             text NOT NULL CHECK (state IN ('uploaded', 'scanning', 'clean', 'infected')),
    display_name      bytea NOT NULL,
    display_name_key  integer NOT NULL,
    media_type        text NOT NULL CHECK (length(media_type) BETWEEN 1 AND 255),
    size_bytes        bigint NOT NULL CHECK (size_bytes >= 0),
    key_id            integer NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (message_id IS NULL OR conversation_id IS NOT NULL)
);
CREATE INDEX attachment_practice_uploader ON attachment(practice_id, uploader_id);
CREATE INDEX attachment_message ON attachment(message_id) WHERE message_id IS NOT NULL;
CREATE INDEX attachment_key ON attachment(key_id);
CREATE INDEX attachment_display_name_key ON attachment(display_name_key);

CREATE TABLE attachment_chunk (
    attachment_id  uuid NOT NULL REFERENCES attachment(id) ON DELETE CASCADE,
    chunk_no       integer NOT NULL CHECK (chunk_no >= 0),
    bytes          bytea NOT NULL,
    PRIMARY KEY (attachment_id, chunk_no)
);
-- Ciphertext does not compress: store it out of line without trying.
ALTER TABLE attachment_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;
