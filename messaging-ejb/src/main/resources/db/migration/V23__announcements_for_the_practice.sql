-- An admin announces on behalf of the practice (issue 19): to every client of the practice, or to the clients of chosen
-- practitioners. Each copy goes into a thread the client already has with a practitioner of the practice, and is
-- labelled with the practice as its sender.
--
-- announcement.for_practice: sent by an admin for the practice (sender_id is the admin).
-- announcement_recipient.practitioner_id: whose thread with the client the copy goes into, decided when the recipients
-- are written (so every batch, on any node, writes to the same thread); null: the sender's own thread, as before.
-- message.for_practice: the copy is labelled with the practice as sender (sender_name holds the practice's name,
-- sender_id the admin who wrote it). Set by the copy's own UPDATE after its insert, like automatic_reply.
ALTER TABLE announcement ADD COLUMN for_practice boolean NOT NULL DEFAULT false;
ALTER TABLE announcement_recipient ADD COLUMN practitioner_id uuid REFERENCES account(id);
ALTER TABLE message ADD COLUMN for_practice boolean NOT NULL DEFAULT false;
