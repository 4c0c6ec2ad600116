-- Announcements become background jobs (issue 19): written once, delivered in batches with a commit each by
-- whichever node's timer claims the next batch, so a kill -9 in the middle loses nothing and sends nothing twice,
-- and an announcement may wait for a scheduled start.
--
-- state: scheduled (waits for starts_at), running (recipients pending), done (none pending), cancelled (the
-- sender stopped it; what was delivered stays, the rest stays pending and is never sent).
-- body: the sanitized text sealed like a message body (body + body_key, bound to table, column and row), kept
-- until the job ends so that every batch, on any node, writes the same copy; erased when it is done or cancelled.
-- Rows of the one-transaction announcements before this version are done, with no body.
ALTER TABLE announcement
    ADD COLUMN state       text NOT NULL DEFAULT 'done',
    ADD COLUMN starts_at   timestamptz,
    ADD COLUMN time_zone   text,
    ADD COLUMN body        bytea,
    ADD COLUMN body_key    integer,
    ADD COLUMN total       integer,
    ADD COLUMN finished_at timestamptz,
    ADD CONSTRAINT announcement_state CHECK (state IN ('scheduled', 'running', 'done', 'cancelled')),
    ADD CONSTRAINT announcement_body CHECK ((body IS NULL) = (body_key IS NULL));
UPDATE announcement a SET starts_at = sent_at, finished_at = sent_at,
       total = (SELECT count(*) FROM announcement_recipient r WHERE r.announcement_id = a.id);
ALTER TABLE announcement ALTER COLUMN starts_at SET NOT NULL, ALTER COLUMN total SET NOT NULL;
-- What the timers look for: a job to start or to go on with.
CREATE INDEX announcement_due ON announcement(starts_at) WHERE state IN ('scheduled', 'running');

-- A recipient is pending (neither a message nor a reason to skip) until a batch writes their copy or skips them,
-- in the batch's transaction; a batch claims pending rows FOR UPDATE SKIP LOCKED, so two nodes never take one.
ALTER TABLE announcement_recipient DROP CONSTRAINT announcement_recipient_outcome;
ALTER TABLE announcement_recipient ADD CONSTRAINT announcement_recipient_outcome CHECK (message_id IS NULL OR skipped IS NULL);
CREATE INDEX announcement_recipient_pending ON announcement_recipient(announcement_id, client_id)
    WHERE message_id IS NULL AND skipped IS NULL;
