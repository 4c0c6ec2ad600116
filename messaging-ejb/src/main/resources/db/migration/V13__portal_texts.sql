-- What the client portal tells a practice's clients: a short notice in the composer area (null: the
-- default notice, "Messages are not monitored around the clock. In an emergency call 911 or 988."), and
-- the phone number to use instead when they may not write (null: none given). Plain text, set by the
-- practice's admins; they hold no PHI. The lengths are the application's limits, in characters.
ALTER TABLE practice ADD COLUMN portal_notice text;
ALTER TABLE practice ADD COLUMN contact_phone text;
ALTER TABLE practice ADD CONSTRAINT practice_portal_notice_length
    CHECK (portal_notice IS NULL OR char_length(portal_notice) BETWEEN 1 AND 300);
ALTER TABLE practice ADD CONSTRAINT practice_contact_phone_length
    CHECK (contact_phone IS NULL OR char_length(contact_phone) BETWEEN 3 AND 40);
