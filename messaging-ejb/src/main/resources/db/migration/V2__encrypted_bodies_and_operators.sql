-- Message bodies and previews are stored only as AES-256-GCM ciphertext (Tink format: a 5-byte prefix
-- names the key). The key id is kept beside each ciphertext as well, so rotation status, re-encryption
-- and key retirement are index scans instead of decrypting anything.
--
-- Before this version only the embedded demo ever ran (no deployment held real messages), and its
-- plaintext cannot be encrypted in SQL: the demo rows are removed here and the demo seeds itself again,
-- encrypted, on the next start.
DELETE FROM read_receipt;
DELETE FROM read_marker;
DELETE FROM message;
DELETE FROM conversation;
DELETE FROM client_account;
DELETE FROM client;
DELETE FROM account;
DELETE FROM practice;

ALTER TABLE message DROP COLUMN html;
ALTER TABLE message ADD COLUMN body bytea NOT NULL;
ALTER TABLE message ADD COLUMN body_key integer NOT NULL;
CREATE INDEX message_body_key ON message(body_key);

ALTER TABLE conversation DROP COLUMN last_preview;
ALTER TABLE conversation ADD COLUMN preview bytea;
ALTER TABLE conversation ADD COLUMN preview_key integer;
ALTER TABLE conversation ADD CONSTRAINT conversation_preview_has_key CHECK ((preview IS NULL) = (preview_key IS NULL));
CREATE INDEX conversation_preview_key ON conversation(preview_key);

-- Hospital IT operators run the deployment (keys, audit verification). They belong to no practice: their
-- accounts carry the nil practice, which holds no client and so no conversation; everyone else belongs to
-- a real practice.
INSERT INTO practice (id, name) VALUES ('00000000-0000-0000-0000-000000000000', 'Deployment operators (no practice)');
ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (role IN ('practitioner', 'admin', 'client', 'operator'));
ALTER TABLE account ADD CONSTRAINT account_operators_only_in_nil_practice
    CHECK ((role = 'operator') = (practice_id = '00000000-0000-0000-0000-000000000000'));
ALTER TABLE client ADD CONSTRAINT client_in_a_real_practice CHECK (practice_id <> '00000000-0000-0000-0000-000000000000');
