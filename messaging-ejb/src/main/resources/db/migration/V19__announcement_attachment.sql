-- An announcement may carry one file, stored once and shared by every copy (issue 16): the attachment row names the
-- announcement instead of one message (never both); each copy (a message with that announcement_id) shows it, and
-- whoever may read a copy may download it. A deleted copy no longer shows it; the file stays for the other copies.
ALTER TABLE attachment ADD COLUMN announcement_id uuid REFERENCES announcement(id);
ALTER TABLE attachment ADD CONSTRAINT attachment_one_home CHECK (message_id IS NULL OR announcement_id IS NULL);
CREATE INDEX attachment_announcement ON attachment(announcement_id) WHERE announcement_id IS NOT NULL;
-- The copies of an announcement, found from the announcement (its file's readers, its counts).
CREATE INDEX message_announcement ON message(announcement_id) WHERE announcement_id IS NOT NULL;
