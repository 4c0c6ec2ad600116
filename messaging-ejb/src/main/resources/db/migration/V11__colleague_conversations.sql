-- Practitioner-to-practitioner ("colleague") conversations within a practice (issue 6, point 11).
-- kind says who the two sides are: 'client' (practitioner_id and client_id, as before) or 'colleague'
-- (two practitioners of the practice: practitioner_id and colleague_id, no client). A pair of colleagues
-- has one conversation whoever starts it: the smaller uuid (PostgreSQL's byte order) is stored in
-- practitioner_id, so the unordered pair is one row under the unique index. Existing rows are client
-- conversations and keep every constraint they had (UNIQUE (practitioner_id, client_id) still serves
-- their ON CONFLICT; colleague rows have client_id NULL, which never conflicts there).
ALTER TABLE conversation ADD COLUMN kind text NOT NULL DEFAULT 'client';
ALTER TABLE conversation ADD COLUMN colleague_id uuid REFERENCES account(id);
ALTER TABLE conversation ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE conversation ADD CONSTRAINT conversation_kind CHECK (kind IN ('client', 'colleague'));
ALTER TABLE conversation ADD CONSTRAINT conversation_parties_of_kind CHECK (
    (kind = 'client' AND client_id IS NOT NULL AND colleague_id IS NULL)
    OR (kind = 'colleague' AND client_id IS NULL AND colleague_id IS NOT NULL AND practitioner_id < colleague_id));
CREATE UNIQUE INDEX conversation_colleague_pair ON conversation(practitioner_id, colleague_id) WHERE kind = 'colleague';
-- The second colleague's inbox, like conversation_practitioner_activity serves the first's.
CREATE INDEX conversation_colleague_activity ON conversation(colleague_id, last_activity_at DESC, id DESC)
    WHERE colleague_id IS NOT NULL;
